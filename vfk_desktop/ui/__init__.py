"""The Qt desktop window over the domain core and the store."""

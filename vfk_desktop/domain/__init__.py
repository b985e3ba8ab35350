"""The domain core: codes, periods, polarity, comparisons and the fare table. No Qt, no SQL."""

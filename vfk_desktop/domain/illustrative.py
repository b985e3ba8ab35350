"""The words every face shows while the database holds the sample data."""

ILLUSTRATIVE = (
    "Sample data: Tunbridge Wells' latest figures, targets and Kent best and worst are those of the "
    "Tunbridge Wells LSP's KA2 presentation; the other districts, earlier periods, Kent figures and "
    "commentary are illustrative."
)

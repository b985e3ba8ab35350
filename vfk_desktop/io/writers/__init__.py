"""Writers: the KA2 return, the county workbook and CSV exports."""

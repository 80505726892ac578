"""Pure validation rules shared by the desktop and the central service.

No third-party imports and no I/O: each function takes a string and returns None when the value
is acceptable, or a stable error code (`nif.invalid_check_digit`) that clients translate.
The desktop validates while the attendant types; central validates again on arrival.
"""

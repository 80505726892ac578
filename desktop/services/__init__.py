"""Use cases of the counter, blocking and Qt-free, over store/ and api/."""

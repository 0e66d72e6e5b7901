"""The main window (window.MainWindow), one module per part: the connection and sync boxes, one
file per tab, the tray icon, and the sync controller that holds the connection and the sync's life
cycle."""

"""The Qt user interface. The only package that imports Qt; it talks to the core through
`loyalty_desktop.service`, runs long work off the GUI thread and gets results back by signals."""

"""The server base the emulators share: HTTP transport, request values, faults, rate limits, keys,
routing and the request pipeline (:class:`~loyalty_emulators.base.server.EmulatorServer`)."""

"""HTTP for every remote API: one client with retries, rate limits and cancellation, and the network policy."""

"""The Smile.io API emulator (customers, points transactions, reward fulfillments, VIP tiers)."""

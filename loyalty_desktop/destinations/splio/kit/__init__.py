"""The Splio kit: the moment fields, static groups kept equal to the Segments tab, and the guide to
the trigger campaigns (one click, like the Klaviyo kit)."""

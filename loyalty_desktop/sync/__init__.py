"""One sync: plan what changed (planner), send it through the outbox (engine), under the data-folder lock."""

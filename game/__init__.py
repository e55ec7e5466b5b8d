"""Service Marathon: a training game for customer-service skills."""

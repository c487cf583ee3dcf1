"""What seems linked to a person's symptoms, and whether a treatment is working for them."""

"""The screens of a sale: each renders what it is given and forwards intents as Qt signals."""

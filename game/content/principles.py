"""The principle tags an encounter may train (see docs/authoring.md)."""

PRINCIPLES = frozenset(
    {
        "two-way-relationship",
        "quick-greeting",
        "active-listening",
        "let-them-talk",
        "open-questions",
        "confirm-understanding",
        "empathy",
        "apology",
        "positive-language",
        "offer-alternatives",
        "tone-fits-situation",
        "body-language",
        "action-plan",
        "concrete-commitment",
        "escalate-wisely",
        "exceed-expectations",
        "check-satisfaction",
        "self-esteem",
        "involve-customer",
        "balance-value",
        "emotional-resilience",
        "boundaries",
        "feedback-thanks",
        "retain-customers",
    }
)

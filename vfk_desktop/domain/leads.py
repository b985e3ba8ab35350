"""Which Kent Partnership working group leads an indicator when no officer has said: the group whose
priority outcomes in the lead/support matrix cover the indicator's KA2 theme."""

from __future__ import annotations

# theme -> (group, the matrix outcome it leads that covers the theme)
THEME_LEADS = {
    "Economic Success": ("KEB", "Economic prosperity"),
    "Learning for Everyone": ("KCT", "Potential of young people"),
    "Enjoying Life": ("SSCG", "Thriving communities"),
    "Stronger and Safer Communities": ("SSCG", "Confidence in community safety"),
    "Improved Health, Care and Wellbeing": ("PHB", "Health inequalities"),
    "Environmental Excellence": ("KEB", "Environmental footprint"),
    "High Quality Homes": ("KEB", "Housing"),
    "Keep Kent Moving": ("KEB", "Growth without gridlock"),
}


def default_group(theme: str | None) -> str | None:
    """The working group leading on the theme's outcome; None for an indicator without a theme."""
    found = THEME_LEADS.get(theme or "")
    return found[0] if found else None

"""Synthetic SEND population for demo data and benchmarks (pure Python, deterministic).

Nothing here is a real person: names are drawn at random from plain lists of common
first names and surnames, addresses use invented street names, UPNs use a made-up school
number with a valid check letter. The shape is calibrated to Camden's SEND Strategy
progress report 2024 (about 1,609 EHC plans, 288 Exceptional Needs Grants and 4,057
pupils on SEN Support; primary needs on plans ASD 42%, SEMH 16%, SLCN 15%, MLD 14%).
"""

from sendhub.cases.synthetic.population import (
    CAMDEN_WARDS,
    Population,
    SyntheticCase,
    SyntheticChild,
    generate,
)

__all__ = ["CAMDEN_WARDS", "Population", "SyntheticCase", "SyntheticChild", "generate"]

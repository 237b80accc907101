"""The dataset's own rules, declared once and run by both the build and `validate`.

The Table Schemas say what a cell may hold; these rules check what only this
dataset knows: quotes equal their source slices and lie in the article body,
every fact is grounded, ids resolve, dates agree with their precision, no
fact is recorded twice. Each is declared with the tables it reads and the
problem codes it may report (`declare`); `RULES` lists them in run order.
"""

from ..errors import Problem
from .claims import CLAIM_RULES
from .dates import check_dates
from .declare import Inputs, Rule, Selection, Tables
from .duplicates import check_duplicate_facts
from .evidence import check_evidence_in_body, check_evidence_quotes, check_grounding
from .references import check_claimed_references, check_foreign_keys, check_list_references
from .statements import check_statement_dates, check_statement_texts
from .tombstones import check_withdrawn_ids

#: Every dataset rule, in the order they run and are listed in docs/problems.md.
RULES: tuple[Rule, ...] = (
    check_evidence_quotes,
    check_evidence_in_body,
    check_grounding,
    check_foreign_keys,
    check_list_references,
    check_claimed_references,
    check_dates,
    check_duplicate_facts,
    check_statement_texts,
    check_statement_dates,
    check_withdrawn_ids,
    *CLAIM_RULES,
)


def run_rules(data: Inputs, workers: int = 2) -> list[Problem]:
    """Every rule on `data` (the build's way; validate runs them stage by stage).

    The rules are independent and spend their time in Arrow and numpy, which
    release the GIL: they run on `workers` threads, their problems listed in
    rule order as if they had run one after the other.
    """
    if workers <= 1:
        return [p for r in RULES for p in r.run(data)]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        found = list(pool.map(lambda r: r.run(data), RULES))
    return [p for problems in found for p in problems]


__all__ = ["RULES", "Inputs", "Rule", "Selection", "Tables", "run_rules"]

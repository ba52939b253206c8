import cProfile, pstats, attrs, govdisclosure as gd
from pathlib import Path
from govdisclosure.validation.narrative_rules import narrative_rules
from govdisclosure.validation import Context
from govdisclosure.validation.shared import shape
rules = [x for x in narrative_rules() if "2021" in x.editions]
r0 = gd.load(Path("/work/wt/rules2/examples/huaian-2024.json"))
r = attrs.evolve(r0, preamble=(), sections=tuple(attrs.evolve(s, paragraphs=(), subsections=()) for s in r0.sections))
reps = [attrs.evolve(r, unit=attrs.evolve(r.unit, name=str(i))) for i in range(2000)]
ctxs = [Context() for _ in reps]
for c, x in zip(ctxs, reps): shape(x, c)
for ru in rules: list(ru.check(reps[0], Context()))
pr = cProfile.Profile(); pr.enable()
for c, x in zip(ctxs, reps):
    for ru in rules: ru.check(x, c)
pr.disable(); pstats.Stats(pr).sort_stats("tottime").print_stats(15)

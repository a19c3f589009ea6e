"""How a resolution was adopted: recorded votes, sponsors, the meeting and the draft.

Stages: read the sources (:mod:`.sources`: the UN's adoption data, Voeten's roll calls, the
Akoma Ntoso XML) -> normalise names to States (:mod:`.states`) -> merge the records of each
resolution into one :class:`.model.Adoption`, warning where they disagree (:mod:`.merge`) ->
write and validate ``resolutions/<slug>/adoption.yaml`` (:mod:`.store`) -> render the vote line,
panel, map and State pages (:mod:`.render`, :mod:`.worldmap`).
"""

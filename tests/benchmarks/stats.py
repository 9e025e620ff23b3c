"""Repeated measurements, summarised as a median with the spread beside it."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Sample:
    """The values of one figure over several runs, in `unit` ("ms", "%", "MiB")."""

    unit: str
    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def ratio_to(self, baseline: Sample) -> float:
        return self.median / baseline.median if baseline.median else float("inf")

    def show(self) -> str:
        """'412 ms (398-430)': the median, then the range of the runs."""
        if not self.values:
            return "-"
        text = f"{_number(self.median)} {self.unit}"
        if len(self.values) > 1:
            low, high = min(self.values), max(self.values)
            text += f" ({_number(low)}-{_number(high)})"
        return text


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"

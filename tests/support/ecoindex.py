"""The EcoIndex of a page (ecoindex.fr, GreenIT/CNUMR method): a score out of 100 from the
number of DOM elements, of requests and the kilobytes transferred, each placed among the
quantiles of the HTTP Archive's pages the method was calibrated on, weighted 3, 2 and 1.

Written here from the published method rather than taken from the `ecoindex-compute` package:
that package is licensed CC BY-NC-ND, which a free-software project (AGPL) cannot depend on,
and it is async-only with pydantic, aiofile and requests for a dozen lines of arithmetic. The
quantiles and grade thresholds are the method's reference values."""

QUANTILES_DOM = [
    0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459,
    1801, 2479, 594601,
]  # fmt: skip
QUANTILES_REQUESTS = [
    0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
]  # fmt: skip
QUANTILES_SIZE_KB = [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32,
    1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
]  # fmt: skip
# A score above the threshold gets the grade.
GRADES = [("A", 80), ("B", 70), ("C", 55), ("D", 40), ("E", 25), ("F", 10)]


def quantile(quantiles, value):
    """Where value falls among the quantiles, interpolated linearly (0 to 20)."""
    for i in range(1, len(quantiles)):
        if value < quantiles[i]:
            return i - 1 + (value - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1])
    return len(quantiles) - 1


def score(dom, requests, size_kb):
    q = (
        3 * quantile(QUANTILES_DOM, dom)
        + 2 * quantile(QUANTILES_REQUESTS, requests)
        + quantile(QUANTILES_SIZE_KB, size_kb)
    )
    return round(100 - 5 * q / 6)


def grade(value):
    return next((letter for letter, above in GRADES if value > above), "G")

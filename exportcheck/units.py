"""Quantities and unit conversion.

A small explicit table rather than a units library: the catalogue's parameters use a dozen
units (densities, specific capacity, voltage, power, length, time, frequency, pressure), a
table keeps start-up at zero cost (pint takes ~100 ms to import) and every accepted spelling is
visible and tested. Unknown units are errors, never guesses.
"""

from __future__ import annotations

from exportcheck.errors import ExportcheckError
from exportcheck.msgspeclib import msgspec


class UnitError(ExportcheckError):
    pass


class Unit(msgspec.Struct, frozen=True):
    symbol: str
    dimension: str
    factor: float  # multiply by this to get the dimension's base unit


_UNITS: tuple[Unit, ...] = (
    Unit("g/cm3", "density", 1.0),
    Unit("kg/m3", "density", 0.001),
    Unit("g/ml", "density", 1.0),
    Unit("mAh/g", "specific-charge", 1.0),
    Unit("Ah/kg", "specific-charge", 1.0),
    Unit("Ah/g", "specific-charge", 1000.0),
    Unit("%", "ratio", 1.0),
    # A ratio written as a fraction: 0.97 is 97 %. ("1" stays a count, not a ratio.)
    Unit("fraction", "ratio", 100.0),
    Unit("V", "voltage", 1.0),
    Unit("mV", "voltage", 0.001),
    Unit("kV", "voltage", 1000.0),
    Unit("W", "power", 1.0),
    Unit("mW", "power", 0.001),
    Unit("kW", "power", 1000.0),
    Unit("MW", "power", 1e6),
    Unit("m", "length", 1.0),
    Unit("km", "length", 1000.0),
    Unit("cm", "length", 0.01),
    Unit("mm", "length", 0.001),
    Unit("um", "length", 1e-6),
    Unit("nm", "length", 1e-9),
    Unit("s", "time", 1.0),
    Unit("ms", "time", 1e-3),
    Unit("us", "time", 1e-6),
    Unit("ns", "time", 1e-9),
    Unit("ps", "time", 1e-12),
    Unit("Hz", "frequency", 1.0),
    Unit("kHz", "frequency", 1e3),
    Unit("MHz", "frequency", 1e6),
    Unit("GHz", "frequency", 1e9),
    Unit("Pa", "pressure", 1.0),
    Unit("kPa", "pressure", 1e3),
    Unit("MPa", "pressure", 1e6),
    Unit("GPa", "pressure", 1e9),
    Unit("1", "count", 1.0),
)
UNITS = {u.symbol: u for u in _UNITS}

# Spellings people write, mapped to a symbol above. Case matters for SI prefixes (mW vs MW),
# so aliases are exact.
_ALIASES = {
    "g/cc": "g/cm3",
    "g/cm^3": "g/cm3",
    "g/cm³": "g/cm3",
    "g·cm-3": "g/cm3",
    "g cm-3": "g/cm3",
    "g/mL": "g/ml",
    "kg/m^3": "kg/m3",
    "kg/m³": "kg/m3",
    "mAh g-1": "mAh/g",
    "mA·h/g": "mAh/g",
    "mah/g": "mAh/g",
    "percent": "%",
    "pct": "%",
    "％": "%",
    "μm": "um",
    "µm": "um",
    "μs": "us",
    "µs": "us",
    "": "1",
    "ratio": "fraction",
    "A·h/g": "Ah/g",
}


def lookup(symbol: str) -> Unit:
    key = symbol.strip()
    key = _ALIASES.get(key, key)
    unit = UNITS.get(key)
    if unit is None:
        known = ", ".join(sorted(UNITS))
        raise UnitError(f"unknown unit {symbol!r}; known units: {known}")
    return unit


def is_known(symbol: str) -> bool:
    try:
        lookup(symbol)
    except UnitError:
        return False
    return True


def convert(value: float, from_unit: str, to_unit: str) -> float:
    source, target = lookup(from_unit), lookup(to_unit)
    if source.dimension != target.dimension:
        raise UnitError(
            f"cannot convert {from_unit!r} ({source.dimension}) to {to_unit!r} ({target.dimension})"
        )
    return value * source.factor / target.factor


_OPS = {
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0),
}


def compare(value: float, op: str, threshold: float) -> bool:
    return bool(_OPS[op](value, threshold))

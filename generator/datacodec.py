"""Frozen dataclasses to JSON data and back, driven by their type annotations.

What the cache keeps (:mod:`generator.cache`) is data, never code: a dataclass becomes the list
of its fields' values, a tuple or list a list, a mapping a list of ``[key, value]`` pairs, a date
its ISO text, a path its text.  Decoding is told the type it expects and checks every value
against it (a string where a string is annotated, a list of the right length for a dataclass,
one of the values of a ``Literal``), so data of another shape, however it got there, is refused
(:class:`CodecError`) instead of becoming an object the generator never made.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

Decoder = Callable[[Any], Any]


class CodecError(ValueError):
    """Data that does not have the shape of the type it should decode to."""


def encode(value: Any) -> Any:
    """``value`` as JSON data (see the module's docstring)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, Mapping):
        return [[encode(k), encode(v)] for k, v in value.items()]
    raise CodecError(f"cannot encode a {type(value).__name__}")


def decode(data: Any, tp: Any) -> Any:
    """The value of type ``tp`` that ``data`` encodes; :class:`CodecError` if it does not."""
    try:
        return decoder(tp)(data)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise CodecError(str(exc)) from None


_DECODERS: dict[Any, Decoder] = {}


def decoder(tp: Any, typevars: tuple[tuple[Any, Any], ...] = ()) -> Decoder:
    """The decoding function for ``tp`` (made once per type)."""
    key = (tp, typevars)
    if key not in _DECODERS:
        _DECODERS[key] = _make(tp, dict(typevars))
    return _DECODERS[key]


def _fail(what: str, data: Any) -> typing.NoReturn:
    raise CodecError(f"expected {what}, found {type(data).__name__}")


def _exact(kind: type) -> Decoder:
    def run(data: Any) -> Any:
        if type(data) is not kind:
            _fail(kind.__name__, data)
        return data

    return run


def _make(tp: Any, typevars: dict[Any, Any]) -> Decoder:
    if isinstance(tp, typing.TypeVar):
        return decoder(typevars[tp])
    if tp in (str, int, bool):
        return _exact(tp)
    if tp is float:
        return lambda data: float(data) if type(data) in (int, float) else _fail("a number", data)
    if tp is type(None) or tp is None:
        return lambda data: None if data is None else _fail("null", data)
    if tp is datetime.date:
        return lambda data: datetime.date.fromisoformat(data) if type(data) is str else _fail("a date", data)
    if tp is Path:
        return lambda data: Path(data) if type(data) is str else _fail("a path", data)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        allowed = set(args)
        return lambda data: data if data in allowed and type(data) in (str, int, bool) else _fail(str(args), data)
    if origin in (typing.Union, types.UnionType):
        return _union(args, typevars)
    if origin is tuple:
        return _tuple(args, typevars)
    if origin is list:
        item = _lazy(args[0], typevars)
        return lambda data: [item(v) for v in _list(data)]
    if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, str]):
        k, v = _lazy(args[0], typevars), _lazy(args[1], typevars)
        return lambda data: {k(pair[0]): v(pair[1]) for pair in map(_pair, _list(data))}
    cls = origin if origin is not None else tp
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        bound = dict(zip(getattr(cls, "__parameters__", ()), args, strict=False)) if args else {}
        return _dataclass(cls, {**typevars, **bound})
    raise CodecError(f"no decoder for {tp!r}")


def _list(data: Any) -> list[Any]:
    if type(data) is not list:
        _fail("a list", data)
    return data


def _pair(data: Any) -> list[Any]:
    if type(data) is not list or len(data) != 2:
        _fail("a [key, value] pair", data)
    return data


def _lazy(tp: Any, typevars: dict[Any, Any]) -> Decoder:
    """The decoder of ``tp``, looked up on first use (recursive types: a paragraph's children)."""
    frozen = tuple(sorted(typevars.items(), key=repr))
    found: list[Decoder] = []

    def run(data: Any) -> Any:
        if not found:
            found.append(decoder(tp, frozen))
        return found[0](data)

    return run


def _union(args: tuple[Any, ...], typevars: dict[Any, Any]) -> Decoder:
    options = [_lazy(a, typevars) for a in args if a is not type(None)]
    nullable = type(None) in args

    def run(data: Any) -> Any:
        if data is None and nullable:
            return None
        for option in options:
            try:
                return option(data)
            except (CodecError, TypeError, ValueError):
                continue
        _fail("one of " + ", ".join(map(str, args)), data)

    return run


def _tuple(args: tuple[Any, ...], typevars: dict[Any, Any]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _lazy(args[0], typevars)
        return lambda data: tuple(item(v) for v in _list(data))
    items = [_lazy(a, typevars) for a in args]

    def run(data: Any) -> Any:
        values = _list(data)
        if len(values) != len(items):
            _fail(f"{len(items)} values", data)
        return tuple(f(v) for f, v in zip(items, values, strict=True))

    return run


def _dataclass(cls: type, typevars: dict[Any, Any]) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    decoders = [_lazy(hints[f.name], typevars) for f in fields]

    def run(data: Any) -> Any:
        values = _list(data)
        if len(values) != len(decoders):
            _fail(f"{len(decoders)} fields of {cls.__name__}", data)
        return cls(*(f(v) for f, v in zip(decoders, values, strict=True)))

    return run


__all__ = ["CodecError", "decode", "decoder", "encode"]

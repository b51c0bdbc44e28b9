"""Imports Keras 3 with its NumPy backend, from an installed package or from a source tree.

Two ways to get Keras, both giving Keras's own arithmetic (no Keras file is changed):

* installed: `pip install keras==3.16.0 numpy` (plus what Keras pulls in: ml_dtypes, optree, absl-py, rich,
  h5py, namex, packaging). Nothing else to pass.
* a source tree: `--keras-src DIR` (or env KERAS_SRC), a checkout of keras-team/keras at any 3.x tag. Where
  the Python in use lacks modules Keras imports at module level (`optree`, `ml_dtypes`: Debian has neither),
  `--stubs DIR` (or env KERAS_STUBS) names a folder of stand-ins for them, searched after the real packages.

Shims installed here, each only when the real module is missing, none used by a metric or loss:

* `jax`, `jax.lax`, `jax.numpy` (and `keras.src.backend.jax.math` / `keras.backend.jax.math`): the NumPy
  backend imports them at module level for convolutions and FFTs. Every use raises.
* `scipy` (`scipy.linalg`, ...): the NumPy backend imports it at module level for linear algebra.
* `keras.backend.torch.core.convert_to_tensor`: Keras 3.0's NumPy linalg imports it from the torch backend.
* `tree` (dm-tree): Keras 3.0 imports it before Keras moved to optree (3.1); a subset over plain Python
  containers, enough for the metric code paths.
NumPy 1.x is switched to NumPy 2's promotion rule (NEP 50), the rule current Keras is used with.
"""

import importlib
import os
import sys
import types

BACKEND = "numpy"


def _raising_module(name, doc):
    mod = types.ModuleType(name)
    mod.__doc__ = doc

    def __getattr__(attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        raise NotImplementedError(f"{name}.{attr} is not available: {doc}")

    mod.__getattr__ = __getattr__
    return mod


def _missing(name):
    try:
        importlib.import_module(name)
        return False
    except ImportError:
        return True


def _install_jax_standin():
    """A raise-on-use `jax` where JAX is not installed (NumPy-backend convolutions import it)."""
    why = "JAX is not installed; the NumPy backend only needs it for convolutions and FFTs"
    jax = _raising_module("jax", why)
    jax.__path__ = []
    jax.__version__ = "0.0.0+standin"
    jax.monitoring = types.SimpleNamespace()  # keras/src/callbacks/orbax_checkpoint.py touches it at import
    for sub in ("lax", "numpy", "experimental", "experimental.sparse", "scipy", "nn", "image"):
        m = _raising_module("jax." + sub, why)
        m.__path__ = []
        sys.modules["jax." + sub] = m
        parent = sys.modules.get("jax." + sub.rsplit(".", 1)[0]) if "." in sub else jax
        setattr(parent, sub.rsplit(".", 1)[-1], m)
    sys.modules["jax"] = jax


def _install_scipy_standin():
    """A raise-on-use `scipy` where SciPy is not installed (`pip install keras numpy` brings none): the NumPy backend
    imports scipy.linalg at module level for linear algebra; no metric or loss calls it."""
    why = "SciPy is not installed; the NumPy backend needs it for linear algebra, images and signals, no metric"
    scipy = _raising_module("scipy", why)
    scipy.__path__ = []
    for sub in ("linalg", "special", "signal", "ndimage"):
        m = _raising_module("scipy." + sub, why)
        sys.modules["scipy." + sub] = m
        setattr(scipy, sub, m)
    sys.modules["scipy"] = scipy


def _install_jax_backend_substitutes():
    """keras/.../backend/numpy/math.py does `from keras...backend.jax.math import fft, fft2` at import; the real
    JAX backend package would import JAX. Both layouts: keras.src.* (3.3+) and keras.* (3.0 to 3.2)."""
    why = "Keras's JAX backend is not loaded (no JAX); no metric uses FFTs"
    for root in ("keras.src.backend.jax", "keras.backend.jax"):
        for pkg_name in (root, root + ".ops"):
            pkg = types.ModuleType(pkg_name)
            pkg.__path__ = []
            sys.modules.setdefault(pkg_name, pkg)
        for mod_name in (root + ".math", root + ".ops.math"):
            mod = types.ModuleType(mod_name)
            for fn in ("fft", "fft2"):
                def _fail(*a, _fn=fn, _m=mod_name, **k):
                    raise NotImplementedError(f"{_m}.{_fn}: {why}")

                setattr(mod, fn, _fail)
            sys.modules.setdefault(mod_name, mod)
        sys.modules[root].math = sys.modules[root + ".math"]
        sys.modules[root + ".ops"].math = sys.modules[root + ".ops.math"]


def _install_torch_core_substitute():
    """Keras 3.0's keras/backend/numpy/linalg.py imports `convert_to_tensor` from the torch backend (fixed in
    3.1); the real module imports torch. Only linear algebra uses it, never a metric."""
    why = "Keras's torch backend is not loaded (no torch); only Keras 3.0's NumPy linalg names it"
    pkg = types.ModuleType("keras.backend.torch")
    pkg.__path__ = []
    core = types.ModuleType("keras.backend.torch.core")

    def convert_to_tensor(*a, **k):
        raise NotImplementedError("keras.backend.torch.core.convert_to_tensor: " + why)

    core.convert_to_tensor = convert_to_tensor
    pkg.core = core
    sys.modules.setdefault("keras.backend.torch", pkg)
    sys.modules.setdefault("keras.backend.torch.core", core)


def _install_tree_standin():
    """dm-tree's API as Keras 3.0 calls it (flatten, map_structure, ...), over lists, tuples, namedtuples and
    dicts (sorted keys, as dm-tree does)."""
    tree = types.ModuleType("tree")
    tree.__doc__ = "dm-tree subset for Keras 3.0 (metric code paths only)"

    def is_nested(x):
        return isinstance(x, (list, tuple, dict))

    def _yield_sorted_items(x):
        for k in sorted(x):
            yield k, x[k]

    def _children(x):
        if isinstance(x, dict):
            return [v for _, v in _yield_sorted_items(x)]
        return list(x)

    def _sequence_like(instance, args):
        if isinstance(instance, dict):
            keys = sorted(instance)
            return type(instance)((k, v) for k, v in zip(keys, args))
        if isinstance(instance, tuple) and hasattr(instance, "_fields"):
            return type(instance)(*args)
        return type(instance)(args)

    def flatten(x):
        if not is_nested(x):
            return [x]
        out = []
        for c in _children(x):
            out.extend(flatten(c))
        return out

    def map_structure(fn, *structures, **kwargs):
        first = structures[0]
        if not is_nested(first):
            return fn(*structures)
        kids = [_children(s) for s in structures]
        return _sequence_like(first, [map_structure(fn, *group) for group in zip(*kids)])

    def map_structure_up_to(shallow, fn, *structures):
        if not is_nested(shallow):
            return fn(*structures)
        kids = [_children(s) for s in structures]
        return _sequence_like(shallow, [map_structure_up_to(sh, fn, *group)
                                        for sh, group in zip(_children(shallow), zip(*kids))])

    def assert_same_structure(a, b, check_types=True):
        if is_nested(a) != is_nested(b) or (is_nested(a) and len(_children(a)) != len(_children(b))):
            raise ValueError(f"structures differ: {a!r} and {b!r}")
        if is_nested(a):
            for x, y in zip(_children(a), _children(b)):
                assert_same_structure(x, y, check_types)

    for f in (is_nested, _yield_sorted_items, _sequence_like, flatten, map_structure, map_structure_up_to,
              assert_same_structure):
        setattr(tree, f.__name__, f)
    sys.modules["tree"] = tree


def load(keras_src=None, stubs=None):
    """Imports Keras with the NumPy backend and returns the `keras` module.

    keras_src: a Keras source tree to import instead of the installed package (default: env KERAS_SRC).
    stubs: a folder of stand-ins for missing third-party modules (default: env KERAS_STUBS).
    """
    os.environ["KERAS_BACKEND"] = BACKEND
    import numpy as np

    if np.lib.NumpyVersion(np.__version__) < "2.0.0" and hasattr(np, "_set_promotion_state"):
        np._set_promotion_state("weak")
    keras_src = keras_src or os.environ.get("KERAS_SRC")
    stubs = stubs or os.environ.get("KERAS_STUBS")
    if keras_src:
        sys.path.insert(0, os.path.abspath(keras_src))
    # decided before the stubs folder joins the path, so that these stand-ins (which cover every Keras 3.x)
    # are used rather than a stubs folder's own
    if _missing("jax"):
        _install_jax_standin()
        _install_jax_backend_substitutes()
    if _missing("tree"):
        _install_tree_standin()
    if _missing("scipy"):
        _install_scipy_standin()
    if _missing("torch"):
        _install_torch_core_substitute()
    if stubs:
        sys.path.append(os.path.abspath(stubs))  # after the real packages: a stand-in never hides one
    keras = importlib.import_module("keras")
    if keras_src and not os.path.abspath(keras.__file__).startswith(os.path.abspath(keras_src)):
        raise RuntimeError(f"imported Keras from {keras.__file__}, not from {keras_src}")
    if keras.backend.backend() != BACKEND:
        raise RuntimeError(f"Keras backend is {keras.backend.backend()}, expected {BACKEND}")
    return keras

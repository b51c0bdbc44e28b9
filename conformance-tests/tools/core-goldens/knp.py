"""A tiny float32 numpy emulation, enough to port the Keras 3 metric functions used by the core goldens.

Arrays are (shape, flat list). Every elementwise result is rounded to float32 (struct), as the TensorFlow backend
computes in float32 for float32 inputs; reductions accumulate sequentially in float32.
"""
import math
import struct


def f32(x):
    if isinstance(x, bool):
        x = float(x)
    if math.isnan(x) or math.isinf(x):
        return x
    return struct.unpack('f', struct.pack('f', x))[0]


EPS = f32(1e-7)


class A:
    def __init__(self, shape, data):
        self.shape = tuple(shape)
        self.data = list(data)
        n = 1
        for d in self.shape:
            n *= d
        assert n == len(self.data), (shape, len(data))

    @staticmethod
    def of(nested, rnd=True):
        shape = []
        p = nested
        while isinstance(p, list):
            shape.append(len(p))
            if not p:
                break
            p = p[0]
        flat = []

        def walk(x, depth):
            if depth == len(shape):
                flat.append(f32(x) if rnd else float(x))
                return
            if not isinstance(x, list) or len(x) != shape[depth]:
                raise ValueError("ragged")
            for e in x:
                walk(e, depth + 1)
        walk(nested, 0)
        return A(shape, flat)

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return len(self.data)

    def reshape(self, shape):
        shape = list(shape)
        if -1 in shape:
            i = shape.index(-1)
            rest = 1
            for j, d in enumerate(shape):
                if j != i:
                    rest *= d
            shape[i] = self.size // rest
        return A(shape, self.data)

    def tolist(self):
        def build(off, depth):
            if depth == self.ndim:
                return self.data[off]
            step = 1
            for d in self.shape[depth + 1:]:
                step *= d
            return [build(off + i * step, depth + 1) for i in range(self.shape[depth])]
        return build(0, 0)

    def __repr__(self):
        return "A%s%s" % (self.shape, self.tolist())


def bshape(a, b):
    r = max(len(a), len(b))
    a = (1,) * (r - len(a)) + tuple(a)
    b = (1,) * (r - len(b)) + tuple(b)
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            raise ValueError("shapes %s %s do not broadcast" % (a, b))
        out.append(y if x == 1 else x)
    return tuple(out)


def broadcast_to(a, shape):
    shape = tuple(shape)
    if bshape(a.shape, shape) != shape:
        raise ValueError("cannot broadcast %s to %s" % (a.shape, shape))
    r = len(shape)
    src = (1,) * (r - a.ndim) + a.shape
    strides = [0] * r
    s = 1
    for i in range(r - 1, -1, -1):
        strides[i] = 0 if src[i] == 1 else s
        s *= src[i]
    out = []
    n = 1
    for d in shape:
        n *= d
    for flat in range(n):
        rem = flat
        off = 0
        for i in range(r - 1, -1, -1):
            idx = rem % shape[i]
            rem //= shape[i]
            off += idx * strides[i]
        out.append(a.data[off])
    return A(shape, out)


def zip_with(a, b, fn):
    shape = bshape(a.shape, b.shape)
    x = broadcast_to(a, shape)
    y = broadcast_to(b, shape)
    return A(shape, [fn(p, q) for p, q in zip(x.data, y.data)])


ACC = {"round": f32}  # rounding of reductions and products; float64 metrics switch it to float


def mul(a, b):
    r = ACC["round"]
    return zip_with(a, b, lambda p, q: r(p * q))


def scalar(x):
    return A((), [f32(x)])


def reduce(a, axes, fn):
    """fn 'sum' or 'mean' over the given axes (list)."""
    axes = sorted(ax % a.ndim for ax in axes) if a.ndim else []
    for ax in axes:
        if ax >= a.ndim:
            raise ValueError("axis")
    keep = [i for i in range(a.ndim) if i not in axes]
    out_shape = tuple(a.shape[i] for i in keep)
    groups = {}
    order = []
    n = a.size
    for flat in range(n):
        rem = flat
        idx = [0] * a.ndim
        for i in range(a.ndim - 1, -1, -1):
            idx[i] = rem % a.shape[i]
            rem //= a.shape[i]
        key = tuple(idx[i] for i in keep)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(a.data[flat])
    data = []
    # keys in row-major order of out_shape
    def keys(shape):
        if not shape:
            yield ()
            return
        for i in range(shape[0]):
            for rest in keys(shape[1:]):
                yield (i,) + rest
    r = ACC["round"]
    for key in keys(out_shape):
        vals = groups.get(key, [])
        acc = 0.0
        for v in vals:
            acc = r(acc + v)
        if fn == 'mean':
            acc = r(acc / len(vals)) if vals else float('nan')
        data.append(acc)
    return A(out_shape, data)


def squeeze_last(a):
    assert a.shape[-1] == 1, a.shape
    return A(a.shape[:-1], a.data)


def expand_last(a):
    return A(a.shape + (1,), a.data)


def squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1=True):
    r1, r2 = x1.ndim, x2.ndim
    if r1 == r2:
        return x1, x2
    if r1 == r2 + 1:
        if x1.shape[-1] == 1:
            if r2 == 1 and expand_rank_1:
                x2 = expand_last(x2)
            else:
                x1 = squeeze_last(x1)
    if r2 == r1 + 1:
        if x2.shape[-1] == 1:
            if r1 == 1 and expand_rank_1:
                x1 = expand_last(x1)
            else:
                x2 = squeeze_last(x2)
    return x1, x2


def argmax_last(a):
    n = a.shape[-1]
    rows = a.size // n
    out = []
    for r in range(rows):
        row = a.data[r * n:(r + 1) * n]
        best = 0
        for j in range(1, n):
            if row[j] > row[best]:
                best = j
        out.append(float(best))
    return A(a.shape[:-1], out)


# ---- reduction_metrics.py ----------------------------------------------------------------------------------------

def cast_fn(dtype):
    if dtype in (None, "float32"):
        return f32
    if dtype == "float64":
        return float
    if dtype in ("int32", "int64"):
        return lambda v: float(math.trunc(v))
    raise ValueError("dtype " + dtype)


def reduce_to_samplewise_values(values, sample_weight, reduce_fn, mask=None, dtype=None):
    cast = cast_fn(dtype)
    values = A(values.shape, [cast(v) for v in values.data])
    if sample_weight is not None:
        sample_weight = A(sample_weight.shape, [cast(v) for v in sample_weight.data])
        if mask is not None:
            fm, sw = squeeze_or_expand_to_same_rank(mask, sample_weight)
            sample_weight = mul(sw, fm)
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        wn, vn = sample_weight.ndim, values.ndim
        if vn > wn:
            values = reduce(values, list(range(wn, vn)), reduce_fn)
        sample_weight = broadcast_to(sample_weight, values.shape)
        values = mul(values, sample_weight)
        if wn > 1:
            sample_weight = reduce(sample_weight, list(range(1, wn)), reduce_fn)
    if values.ndim > 1:
        values = reduce(values, list(range(1, values.ndim)), reduce_fn)
    return values, sample_weight


class Mean:
    def __init__(self, dtype=None):
        self.total = 0.0
        self.count = 0.0
        self.dtype = dtype

    def update(self, values, sample_weight=None, mask=None):
        r = float if self.dtype == "float64" else f32
        ACC["round"] = r
        try:
            v, w = reduce_to_samplewise_values(values, sample_weight, 'mean', mask, self.dtype)
            self.total = r(self.total + reduce(v, list(range(v.ndim)), 'sum').data[0])
            if w is not None:
                n = reduce(w, list(range(w.ndim)), 'sum').data[0]
            elif v.ndim >= 1:
                n = v.shape[0]
            else:
                n = 1
            self.count = r(self.count + n)
        finally:
            ACC["round"] = f32

    def result(self):
        r = float if self.dtype == "float64" else f32
        return 0.0 if self.count == 0 else r(self.total / self.count)


class Sum:
    def __init__(self, dtype=None):
        self.total = 0.0
        self.dtype = dtype

    def update(self, values, sample_weight=None):
        v, _ = reduce_to_samplewise_values(values, sample_weight, 'sum', None, self.dtype)
        self.total = f32(self.total + reduce(v, list(range(v.ndim)), 'sum').data[0])

    def result(self):
        return self.total


# ---- accuracy_metrics.py -----------------------------------------------------------------------------------------

def accuracy(y_true, y_pred):
    t, p = squeeze_or_expand_to_same_rank(y_true, y_pred)
    return zip_with(t, p, lambda a, b: 1.0 if a == b else 0.0)


def binary_accuracy(y_true, y_pred, threshold=0.5):
    thr = f32(threshold)
    t, p = squeeze_or_expand_to_same_rank(y_true, y_pred)
    p = A(p.shape, [1.0 if x > thr else 0.0 for x in p.data])
    return zip_with(t, p, lambda a, b: 1.0 if a == b else 0.0)


def categorical_accuracy(y_true, y_pred):
    t = argmax_last(y_true)
    reshape = False
    org = t.shape
    if t.ndim == y_pred.ndim:
        t = squeeze_last(t)
        reshape = True
    p = argmax_last(y_pred)
    m = zip_with(t, p, lambda a, b: 1.0 if a == b else 0.0)
    if reshape:
        m = m.reshape(org)
    return m


def sparse_categorical_accuracy(y_true, y_pred):
    reshape = False
    org = y_true.shape
    t = y_true
    if t.ndim == y_pred.ndim and t.shape[-1] == 1:
        t = squeeze_last(t)
        reshape = True
    p = argmax_last(y_pred)
    m = zip_with(t, p, lambda a, b: 1.0 if a == b else 0.0)
    if reshape:
        m = m.reshape(org)
    if m.ndim > 1 and m.shape[-1] == 1:
        m = squeeze_last(m)
    return m


def in_top_k(targets, preds, k):
    if preds.ndim != 2 or targets.size != preds.shape[0]:
        raise ValueError("in_top_k needs (batch, classes) predictions and one target per row")
    n = preds.shape[-1]
    out = []
    for r in range(preds.size // n):
        row = preds.data[r * n:(r + 1) * n]
        s = row[int(targets.data[r])]
        rank = 1 + sum(1 for x in row if x > s)
        out.append(1.0 if rank <= k else 0.0)
    return out


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    t = argmax_last(y_true)
    org = t.shape
    p = y_pred.reshape([-1, y_pred.shape[-1]]) if y_pred.ndim > 2 else y_pred
    m = in_top_k(t.reshape([-1]), p, k)
    return A(org, m)


def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5, from_sorted_ids=False):
    org = y_true.shape
    t = y_true.reshape([-1])
    p = y_pred.reshape([-1, y_pred.shape[-1]]) if y_pred.ndim > 2 else y_pred
    if p.ndim != 2 or t.size != p.shape[0]:
        raise ValueError("one id per row")
    if from_sorted_ids:
        n = p.shape[-1]
        m = []
        for r in range(t.size):
            row = p.data[r * n:(r + 1) * n][:k]
            m.append(1.0 if t.data[r] in row else 0.0)
    else:
        m = in_top_k(t, p, k)
    return A(org, m)


# ---- losses.py with the TensorFlow backend ------------------------------------------------------------------------

def flog(x):
    if x == 0:
        return float('-inf')
    return f32(math.log(x))


def clip(x, lo, hi):
    return lo if x < lo else (hi if x > hi else x)


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0):
    if y_true.shape != y_pred.shape:
        raise ValueError("shape")
    t = y_true
    if label_smoothing:
        ls = f32(label_smoothing)
        t = A(t.shape, [f32(f32(y * f32(1.0 - ls)) + f32(0.5 * ls)) for y in t.data])
    hi = f32(1.0 - EPS)

    def el(z, x):
        if from_logits:
            return f32(f32(max(x, 0.0) - f32(x * z)) + f32(math.log1p(math.exp(-abs(x)))))
        p = clip(x, EPS, hi)
        b = f32(z * flog(p))
        b = f32(b + f32(f32(1 - z) * flog(f32(1 - p))))
        return -b
    e = zip_with(t, y_pred, el)
    return reduce(e, [-1], 'mean')


def _lanes(shape, axis):
    if not -len(shape) <= axis < len(shape):
        raise ValueError("axis %d out of range for rank %d" % (axis, len(shape)))
    axis %= len(shape)
    outer = 1
    for d in shape[:axis]:
        outer *= d
    inner = 1
    for d in shape[axis + 1:]:
        inner *= d
    length = shape[axis]
    red = tuple(d for i, d in enumerate(shape) if i != axis)
    lanes = []
    for o in range(outer):
        for i in range(inner):
            lanes.append([(o * length + j) * inner + i for j in range(length)])
    return lanes, red, length


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    if y_true.shape != y_pred.shape:
        raise ValueError("shape")
    lanes, red, c = _lanes(y_pred.shape, axis)
    t = y_true.data
    if label_smoothing:
        ls = f32(label_smoothing)
        t = [f32(f32(y * f32(1.0 - ls)) + f32(ls / f32(c))) for y in t]
    out = []
    hi = f32(1.0 - EPS)
    for lane in lanes:
        x = [y_pred.data[i] for i in lane]
        y = [t[i] for i in lane]
        if from_logits:
            m = max(x)
            se = 0.0
            for v in x:
                se = f32(se + f32(math.exp(f32(v - m))))
            lse = f32(m + flog(se))
            loss = 0.0
            for yy, v in zip(y, x):
                loss = f32(loss - f32(yy * f32(v - lse)))
        else:
            s = 0.0
            for v in x:
                s = f32(s + v)
            loss = 0.0
            for yy, v in zip(y, x):
                p = clip(f32(v / s), EPS, hi)
                loss = f32(loss + f32(yy * flog(p)))
            loss = -loss
        out.append(loss)
    return A(red, out)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None):
    """returns (values, mask)"""
    t = y_true
    if t.ndim == y_pred.ndim and t.shape[-1] == 1:
        t = squeeze_last(t)
    res_shape = y_pred.shape[:-1]
    if t.shape != res_shape:
        raise ValueError("label shape")
    c = y_pred.shape[-1]
    mask = None
    if ignore_class is not None:
        mask = A(res_shape, [0.0 if v == ignore_class else 1.0 for v in t.data])
    out = []
    hi = f32(1.0 - EPS)
    for r in range(t.size):
        label = t.data[r]
        row = y_pred.data[r * c:(r + 1) * c]
        if mask is not None and mask.data[r] == 0.0:
            label = 0
            row = [0.0] * c
        if label != int(label) or not (0 <= label < c):
            raise ValueError("label out of range")
        logits = row if from_logits else [flog(clip(v, EPS, hi)) for v in row]
        m = max(logits)
        se = 0.0
        for v in logits:
            se = f32(se + f32(math.exp(f32(v - m))))
        loss = f32(f32(m + flog(se)) - logits[int(label)])
        if mask is not None and mask.data[r] == 0.0:
            loss = 0.0
        out.append(loss)
    return A(res_shape, out), mask


def kl_divergence(y_true, y_pred):
    def el(y, p):
        y = clip(y, EPS, 1.0)
        p = clip(p, EPS, 1.0)
        return f32(y * flog(f32(y / p)))
    e = zip_with(y_true, y_pred, el)
    if e.ndim == 0:
        raise ValueError("scalar")
    return reduce(e, [-1], 'sum')


def poisson(y_true, y_pred):
    e = zip_with(y_true, y_pred, lambda y, p: f32(p - f32(y * flog(f32(p + EPS)))))
    if e.ndim == 0:
        raise ValueError("scalar")
    return reduce(e, [-1], 'mean')

"""Matrix products that BLAS runs on the calling thread.

BLAS multiplies small matrices several times faster than ``einsum``, but OpenBLAS hands a
product of more than ``SINGLE_THREAD_PRODUCT`` multiply-adds (its 65536 x
GEMM_MULTITHREAD_THRESHOLD) to its threads, and waking them on a busy machine costs
milliseconds. A larger product is therefore cut into blocks of rows, each small enough to stay
on the calling thread; only when a single row is too large does it go to ``einsum``.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

SINGLE_THREAD_PRODUCT: Final = 262_144


def products(first: npt.NDArray[np.float64], second: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """``first @ second.T``: every row of ``first`` times every row of ``second``."""
    row_cost = second.shape[0] * first.shape[1]
    block = SINGLE_THREAD_PRODUCT // max(row_cost, 1)
    product: npt.NDArray[np.float64]
    if block >= first.shape[0]:
        product = np.dot(first, second.T)
    elif block == 0:
        product = np.einsum("ik,jk->ij", first, second)
    else:
        product = np.empty((first.shape[0], second.shape[0]))
        for start in range(0, first.shape[0], block):
            np.dot(first[start : start + block], second.T, out=product[start : start + block])
    return product

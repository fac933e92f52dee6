"""Matrix products that BLAS runs on the calling thread.

BLAS multiplies small matrices several times faster than ``einsum``, but OpenBLAS hands a
product of more than ``SINGLE_THREAD_PRODUCT`` multiply-adds (its 65536 x
GEMM_MULTITHREAD_THRESHOLD) to its threads, and waking them on a busy machine costs
milliseconds: such products go to ``einsum``, which stays on the calling thread.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

SINGLE_THREAD_PRODUCT: Final = 262_144


def products(first: npt.NDArray[np.float64], second: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """``first @ second.T``: every row of ``first`` times every row of ``second``."""
    product: npt.NDArray[np.float64]
    if first.shape[0] * second.shape[0] * first.shape[1] <= SINGLE_THREAD_PRODUCT:
        product = np.dot(first, second.T)
    else:
        product = np.einsum("ik,jk->ij", first, second)
    return product

# a typical script: pure-Python matrix multiply, transpose, determinant and Gaussian elimination with Fractions
from fractions import Fraction

def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m)))

def solve(a, b):
    n = len(a)
    m = [[Fraction(x) for x in row] + [Fraction(v)] for row, v in zip(a, b)]
    for i in range(n):
        p = next(r for r in range(i, n) if m[r][i] != 0)
        m[i], m[p] = m[p], m[i]
        for r in range(n):
            if r != i:
                f = m[r][i] / m[i][i]
                m[r] = [x - f * y for x, y in zip(m[r], m[i])]
    return [m[i][n] / m[i][i] for i in range(n)]

a = [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]]
print(matmul(a, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]) == a, matmul([[1, 2]], [[3], [4]]))
print(det(a), det([[1, 2], [3, 4]]), [list(r) for r in zip(*a)])
print(solve(a, [8, -11, -3]))

# typical data structures: an LRU cache on OrderedDict and a binary search tree with traversal
from collections import OrderedDict

class LRU:
    def __init__(self, cap):
        self.cap, self.d = cap, OrderedDict()
    def get(self, k):
        if k not in self.d:
            return None
        self.d.move_to_end(k)
        return self.d[k]
    def put(self, k, v):
        self.d[k] = v
        self.d.move_to_end(k)
        if len(self.d) > self.cap:
            self.d.popitem(last=False)

c = LRU(2)
c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
print(list(c.d.items()), c.get("b"))

class Node:
    def __init__(self, k):
        self.k, self.l, self.r = k, None, None
def insert(n, k):
    if n is None:
        return Node(k)
    if k < n.k:
        n.l = insert(n.l, k)
    else:
        n.r = insert(n.r, k)
    return n
def inorder(n):
    return inorder(n.l) + [n.k] + inorder(n.r) if n else []
def height(n):
    return 1 + max(height(n.l), height(n.r)) if n else 0
root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35]:
    root = insert(root, k)
print(inorder(root), height(root))
chain = None
for k in range(600):
    chain = insert(chain, k)
print(height(chain), inorder(chain)[-3:])

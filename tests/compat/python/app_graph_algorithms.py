# a typical script: BFS, DFS, Dijkstra with heapq, topological sort with Kahn's algorithm
import heapq
from collections import deque

graph = {"A": {"B": 4, "C": 2}, "B": {"C": 5, "D": 10}, "C": {"E": 3}, "D": {"F": 11}, "E": {"D": 4}, "F": {}}

def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        n = q.popleft()
        order.append(n)
        for m in sorted(graph[n]):
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order

def dfs(n, seen=None):
    seen = seen if seen is not None else []
    seen.append(n)
    for m in sorted(graph[n]):
        if m not in seen:
            dfs(m, seen)
    return seen

def dijkstra(src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, n = heapq.heappop(pq)
        if d > dist.get(n, float("inf")):
            continue
        for m, w in graph[n].items():
            if d + w < dist.get(m, float("inf")):
                dist[m] = d + w
                heapq.heappush(pq, (d + w, m))
    return dict(sorted(dist.items()))

def kahn():
    indeg = {n: 0 for n in graph}
    for n in graph:
        for m in graph[n]:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in sorted(graph[n]):
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
    return out

print(bfs("A"), dfs("A"), dijkstra("A"), kahn())

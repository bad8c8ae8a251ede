#!/usr/bin/env python3
"""Writes an organisation directory (the format of src/main/resources/directory/fengxin.yaml) of a city:
COMMUNITIES communities (default 1,639, 宜昌's count) in streets of 10, two stations each, 40 county departments and
one property company per street; the benchmark's users (demo: true, password "demo" with yishi.demo-users.enabled).
Usage: python3 bench/scale-directory.py [communities] > directory.yaml"""
import sys

communities = int(sys.argv[1]) if len(sys.argv) > 1 else 1639
per_street = 10
streets = (communities + per_street - 1) // per_street
departments = 40
out = []
w = out.append
w("# 城市规模基准测试的组织目录（bench/scale-directory.py 生成）")
w("county:\n  code: bench\n  name: 基准市")
w("streets:")
for s in range(1, streets + 1):
    w(f"  - code: s{s:03d}\n    name: 第{s}街道")
w("communities:")
for c in range(1, communities + 1):
    s = (c - 1) // per_street + 1
    w(f"  - code: c{c:04d}\n    name: 第{c}社区\n    street: s{s:03d}\n    stations:")
    for k in (1, 2):
        w(f"      - code: c{c:04d}-z{k}\n        name: 第{c}社区{k}号小区党群会客站")
w("units:")
for d in range(1, departments + 1):
    w(f"  - code: d{d:02d}\n    name: 市第{d}局\n    type: DEPARTMENT\n    email: d{d:02d}@bench.example")
for s in range(1, streets + 1):
    w(f"  - code: p{s:03d}\n    name: 第{s}街道物业服务公司\n    type: PROPERTY\n    street: s{s:03d}\n    email: p{s:03d}@bench.example")
w("users:")
users = [
    ("dispatch", "调度员", ["dispatch-centre"]),
    ("channel.12345", "12345热线", ["channel-accounts"]),
    ("community.c0001", "社区书记", ["c0001-community"]),
    ("station.c0001", "会客站站长", ["station-c0001-z1", "station-c0001-z2"]),
    ("grid.c0001", "网格员", ["c0001-grid"]),
    ("room.c0001", "会客室议事员", ["c0001-room"]),
    ("unit.d01", "经办人", ["unit-d01"]),
    ("unit.p001", "物业经理", ["unit-p001"]),
]
for uid, name, groups in users:
    w(f"  - id: {uid}\n    firstName: {name}\n    lastName: 测\n    groups: [{', '.join(groups)}]\n    demo: true")
print("\n".join(out))

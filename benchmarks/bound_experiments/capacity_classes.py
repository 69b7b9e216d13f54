#!/usr/bin/env python3
"""Bound experiment (ninth session): faces from a capacity-class relaxation.

Usage: capacity_classes.py SCENARIO.yaml ROSTER.csv SCIP|GLOP int|lp
Needs `pip install ortools pyyaml`; benchmark-only.

Each person's contract hours (within their days) may be cut into pieces, one per location they
work at; a piece is a face. Per location the pieces give the hours, the lead hours and the skill
hours its sessions ask (read from ROSTER.csv, so indicative only), at least the busiest session's
count of pieces, and hours above contract at 4 an hour; per kind of person (lead?, skill?) and
size threshold, the pieces above it are at most what the people of that kind can cut. Prints the
faces' price (2 a face) against the busiest sessions' 2 × Σ peak.
"""
import sys, math
from ortools.linear_solver import pywraplp
from roster_week import H, available_days, load, session_needs
sc, rows = load(sys.argv[1], sys.argv[2])
ndays = lambda s: len(available_days(s))
people=[]
for sid,s in sc['staff'].items():
    free=min(s['contract_hours'], 2*ndays(s)*H)
    people.append(((s['level']=='mbo4'), bool(s['skills']), free))
need, skill = session_needs(sc, rows)
locs=sorted(set(k[0] for k in need))
D={l:H*sum(v for k,v in need.items() if k[0]==l) for l in locs}
P={l:max(v for k,v in need.items() if k[0]==l) for l in locs}
LH={l:H*sum(1 for k in need if k[0]==l) for l in locs}
SH={l:H*sum(1 for k in skill if k[0]==l) for l in locs}
phis=sorted(set((a,b) for a,b,_ in people))
m=pywraplp.Solver.CreateSolver(sys.argv[3])
x={}; o={}
classes={phi:sorted(set(f for a,b,f in people if (a,b)==phi)) for phi in phis}
obj=[]
for l in locs:
    o[l]=m.NumVar(0,1e4,''); obj.append(4*o[l])
    for phi in phis:
        for k in classes[phi]:
            x[phi,k,l]=m.IntVar(0,1000,'') if sys.argv[4]=='int' else m.NumVar(0,1000,''); obj.append(2*x[phi,k,l])
    m.Add(sum(k*x[phi,k,l] for phi in phis for k in classes[phi])+o[l]>=D[l])
    m.Add(sum(x[phi,k,l] for phi in phis for k in classes[phi])>=P[l])
    m.Add(sum(k*x[phi,k,l] for phi in phis if phi[0] for k in classes[phi])+o[l]>=LH[l])
    m.Add(sum(k*x[phi,k,l] for phi in phis if phi[1] for k in classes[phi])+o[l]>=SH[l])
for phi in phis:
    ks=classes[phi]
    for i,k in enumerate(ks):
        if i==0: continue
        prev=ks[i-1]
        sup=sum(math.ceil(f/prev)-1 for a,b,f in people if (a,b)==phi)
        m.Add(sum(x[phi,kk,l] for kk in ks[i:] for l in locs)<=sup)
m.Minimize(sum(obj)); m.SetTimeLimit(60000); r=m.Solve()
print('status',r,'faces obj',m.Objective().Value(),'bound',m.Objective().BestBound(),'sum P*2',2*sum(P.values()))

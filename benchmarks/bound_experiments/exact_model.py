#!/usr/bin/env python3
"""Bound experiment (ninth session): the exact week model of a day-care region, per person.

Usage: exact_model.py SCENARIO.yaml ROSTER.csv SECONDS [SCIP]
Needs `pip install ortools pyyaml`; benchmark-only, slow (SCIP, one thread).

Every person and session (days available, one session per time slot), the counted professionals
per session read from ROSTER.csv (so the roster's placement of `attends_any` clients is kept),
an MBO-4 lead and a skilled person per session, faces per person and location, cost and hours
above contract as the product prices them; ROSTER.csv is SCIP's starting solution. Prints the
best roster's objective, SCIP's bound and the faces per location. Written for
generate_engine_week.py's region family.
"""
import collections, sys
from ortools.linear_solver import pywraplp
from roster_week import DAYS, H, available_days, load, session_needs
sc, rows = load(sys.argv[1], sys.argv[2])
avail = lambda s: set(available_days(s))
need, skill = session_needs(sc, rows)
locs=sorted(set(k[0] for k in need)); S=sorted(need)
m=pywraplp.Solver.CreateSolver(sys.argv[4] if len(sys.argv)>4 else 'SCIP')
x={}; f={}; obj=[]
staff=sc['staff']
for p,s in staff.items():
    av=avail(s); hrs=[]
    for l in locs:
        f[p,l]=m.BoolVar(''); obj.append(2*f[p,l])
    for k in S:
        if k[1] in av:
            x[p,k]=m.BoolVar(''); m.Add(x[p,k]<=f[p,k[0]]); hrs.append(x[p,k])
            obj.append(H*s['hourly_cost']*0.005*x[p,k])
    # one session at a time per day-slot
    for d in DAYS:
        for ref in ('ochtend','middag'):
            v=[x[p,k] for k in S if k[1]==d and k[2]==ref and (p,k) in x]
            if len(v)>1: m.Add(sum(v)<=1)
    o=m.NumVar(0,100,''); obj.append(4*o)
    m.Add(H*sum(hrs)<=s['max_hours']); m.Add(o>=H*sum(hrs)-s['contract_hours'])
for k in S:
    ps=[p for p in staff if (p,k) in x]
    m.Add(sum(x[p,k] for p in ps)>=need[k])
    m.Add(sum(x[p,k] for p in ps if staff[p]['level']=='mbo4')>=1)
    if k in skill: m.Add(sum(x[p,k] for p in ps if staff[p]['skills'])>=1)
# hint from roster
vs=[];vals=[]
on=set((r['staff_id'],(r['location'],r['day'],r['ref'])) for r in rows)
faces=set((r['staff_id'],r['location']) for r in rows)
for key,v in x.items(): vs.append(v); vals.append(1 if key in on else 0)
for key,v in f.items(): vs.append(v); vals.append(1 if key in faces else 0)
m.SetHint(vs,vals)
m.Minimize(sum(obj)); m.SetTimeLimit(int(float(sys.argv[3])*1000))
m.SetNumThreads(1)
r=m.Solve()
print('status',r,'obj',m.Objective().Value(),'bound',m.Objective().BestBound(), flush=True)
sol=collections.Counter(l for (p,l),v in f.items() if v.solution_value()>0.5)
print('faces',sum(sol.values()), sorted(sol.values()))

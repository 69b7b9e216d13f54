#!/usr/bin/env python3
"""Bound experiment (ninth session): the type-aggregated relaxation of a day-care region week.

Usage: type_aggregated.py SCENARIO.yaml ROSTER.csv SECONDS WORKERS SOLVER(SCIP|GLOP) int|lp [hint]
Needs `pip install ortools pyyaml`; benchmark-only, not part of the product or CI.

Staff are grouped into types (level, skill, contract, max hours, rate, days available); per
location and day the model asks the counted professionals, one MBO-4 lead and one skilled person
per session, faces per type and location (integer), hours and above-contract hours per type over
all locations. The professionals per session are read from ROSTER.csv (the roster's own
placement of `attends_any` clients), so the value is indicative, not a valid bound for the week.
With `hint` the roster is SCIP's starting solution. Written for generate_engine_week.py's region
family (every staff line has `available` on one window or none).
"""
import collections, sys
from ortools.linear_solver import pywraplp
from roster_week import DAYS, load, session_needs, staff_type, staff_types
sc, rows = load(sys.argv[1], sys.argv[2])
types=staff_types(sc)
T=list(types); print('types',len(T))
sess, _ = session_needs(sc, rows)
locs=sorted(set(l for l,_,_ in sess))
m=pywraplp.Solver.CreateSolver(sys.argv[5] if len(sys.argv)>5 else 'SCIP')
integer = sys.argv[6]=='int' if len(sys.argv)>6 else True
n={}; y={}
obj=[]
hours={t:[] for t in T}
for l in locs:
    for t in T:
        cap=min(int(t[3]//3.5), 2*len(t[5]))
        n[t,l]=m.IntVar(0,types[t],'') if integer else m.NumVar(0,types[t],'')
        obj.append(2*n[t,l])
        ys=[]
        for d in DAYS:
            if d in t[5]:
                y[t,l,d]=m.NumVar(0,2*types[t],'')
                m.Add(y[t,l,d]<=2*n[t,l]); ys.append(y[t,l,d])
                obj.append(3.5*t[4]*0.005*y[t,l,d])
                hours[t].append(y[t,l,d])
        m.Add(sum(ys)<=cap*n[t,l])
    peak=max(sess[l,d,s] for d in DAYS for s in ('ochtend','middag'))
    m.Add(sum(n[t,l] for t in T)>=peak)
    for d in DAYS:
        ts=[t for t in T if d in t[5]]
        m.Add(sum(y[t,l,d] for t in ts)>=sess[l,d,'ochtend']+sess[l,d,'middag'])
        m.Add(sum(y[t,l,d] for t in ts if t[0]=='mbo4')>=2)
        m.Add(sum(y[t,l,d] for t in ts if t[1])>=2)
        m.Add(sum(n[t,l] for t in ts)>=max(sess[l,d,'ochtend'],sess[l,d,'middag']))
for t in T:
    O=m.NumVar(0,10**6,'')
    m.Add(3.5*sum(hours[t]) <= t[3]*types[t])
    m.Add(O >= 3.5*sum(hours[t]) - t[2]*types[t])
    obj.append(4*O)
m.Minimize(sum(obj))
tyof={sid:staff_type(s) for sid,s in sc['staff'].items()}
hn=collections.Counter(); hy=collections.Counter()
for (p,l) in set((r['staff_id'],r['location']) for r in rows): hn[tyof[p],l]+=1
for r in rows: hy[tyof[r['staff_id']],r['location'],r['day']]+=1
vs=[];vals=[]
for k,v in n.items(): vs.append(v); vals.append(hn[k])
for k,v in y.items(): vs.append(v); vals.append(hy[k])
if len(sys.argv) > 7 and sys.argv[7] == 'hint': m.SetHint(vs, vals)
m.SetTimeLimit(int(float(sys.argv[3])*1000))
r=m.Solve()
print(r, m.Objective().Value(), m.Objective().BestBound(), m.wall_time()/1000)

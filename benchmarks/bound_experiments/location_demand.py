#!/usr/bin/env python3
"""Bound experiment (ninth session): per-location exact subproblems and what they ask of the staff.

Usage: location_demand.py SCENARIO.yaml ROSTER.csv ITERATIONS UPPER_BOUND
Needs `pip install ortools pyyaml`; benchmark-only, slow (SCIP per location per iteration).

Each location alone (integer faces per staff type, continuous shares of its sessions, a lead and
a skilled person per session, sessions' counts from ROSTER.csv) at prices on each type's hours;
the Lagrangian relaxation of the types' contract and maximum hours, by projected subgradient
with Polyak steps towards UPPER_BOUND. Iteration 0 (no prices) prints what each type is asked
for against what it has: the per-location bound's blind spot.
"""
import collections, sys, time
from ortools.linear_solver import pywraplp
from roster_week import H, load, session_needs, staff_types
sc, rows = load(sys.argv[1], sys.argv[2])
iters=int(sys.argv[3])
types=staff_types(sc)
T=list(types)
need, skill = session_needs(sc, rows)
locs=sorted(set(k[0] for k in need))
def sub(l, price):
    m=pywraplp.Solver.CreateSolver('SCIP')
    S=[k for k in need if k[0]==l]
    n={t:m.IntVar(0,types[t],'') for t in T}
    x={}
    obj=[2*n[t] for t in T]
    for t in T:
        cap=min(t[3], H*2*len(t[5]))
        xs=[]
        for k in S:
            if k[1] in t[5]:
                x[t,k]=m.NumVar(0,types[t],''); m.Add(x[t,k]<=n[t]); xs.append(x[t,k])
                obj.append((t[4]*0.005+price[t])*H*x[t,k])
        m.Add(H*sum(xs)<=cap*n[t]) if xs else None
    for k in S:
        ts=[t for t in T if k[1] in t[5]]
        m.Add(sum(x[t,k] for t in ts)>=need[k])
        m.Add(sum(x[t,k] for t in ts if t[0]=='mbo4')>=1)
        if k in skill: m.Add(sum(x[t,k] for t in ts if t[1])>=1)
    m.Minimize(sum(obj)); m.SetTimeLimit(20000); st=m.Solve()
    hours={t:H*sum(x[t,k].solution_value() for k in S if (t,k) in x) for t in T}
    return m.Objective().BestBound(), hours
mu={t:0.0 for t in T}; lam={t:0.0 for t in T}
UB=float(sys.argv[4]); best=-1e9; theta=1.0; stall=0
for it in range(iters):
    t0=time.time()
    price={t:mu[t]+lam[t] for t in T}
    tot=0; hrs=collections.Counter()
    for l in locs:
        v,h=sub(l,price); tot+=v
        for t in T: hrs[t]+=h[t]
    L=tot-sum((mu[t]*t[2]+lam[t]*t[3])*types[t] for t in T)
    if L>best+1e-6: best=L; stall=0
    else:
        stall+=1
        if stall>=3: theta/=2; stall=0
    gm={t:hrs[t]-types[t]*t[2] for t in T}; gl={t:hrs[t]-types[t]*t[3] for t in T}
    # projected directions
    dm={t:(0 if (mu[t]<=0 and gm[t]<0) or (mu[t]>=4 and gm[t]>0) else gm[t]) for t in T}
    dl={t:(0 if lam[t]<=0 and gl[t]<0 else gl[t]) for t in T}
    norm=sum(v*v for v in dm.values())+sum(v*v for v in dl.values())
    if it == 0:
        for t in T:
            if hrs[t] > types[t] * t[2]: print('  asked', t, round(hrs[t], 1), 'h; contract', types[t] * t[2], 'h')
    print(it, round(L,2), 'best', round(best,2), round(time.time()-t0,1),'s', 'norm', round(norm), flush=True)
    if norm<1e-9: break
    step=theta*(UB-L)/norm
    for t in T:
        mu[t]=min(4.0,max(0.0,mu[t]+step*dm[t])); lam[t]=max(0.0,lam[t]+step*dl[t])

/*
 * The explicit-state kswapd world of mmverify explore (specs/MmVerify.Specs/Explore/KswapdWorld.cs), world
 * "s3-2nodes-10" of KswapdWorldConfig.Benchmarks, in Promela for the SPIN comparison of
 * `dotnet run -c Release --project tests/MmVerify.Benchmarks -- explore-figures`. Same state variables
 * (per node: free, file, memcg, boost, boost at run start, kswapd_failures, kswapd phase, hog alive), same
 * transitions, each a d_step from the loop head back to it, so SPIN's stored states are the explorer's states.
 * The C# world calls the variant's policy objects; here the two baselines' rules are written out by hand
 * (-DV72 for linux-7.2, default linux-6.12). The benchmark checks that both tools count the same states.
 */
#define NODES 2
#define PAGES 10
#define MIN 1
#define LOW 2
#define HIGH 3
#define FILE0 1
#define MEMCG_MAX 3
#define MEMCG_HIGH 1
#define MAXBOOST 4   /* max(pageblock = 1, mult_frac(HIGH, 15000, 10000)) */
#define RETRIES 16   /* MAX_RECLAIM_RETRIES */

#ifdef V72
#define CLEARS(bal) (bal)                     /* kswapd_try_clear_hopeless(): only when balanced */
#define COUNTS(recl, bstd) (!(recl) && !(bstd)) /* boosted runs do not count */
#define PCP_REVIVES 1
#else
#define CLEARS(bal) 1                         /* 6.12: any progress clears */
#define COUNTS(recl, bstd) (!(recl))
#define PCP_REVIVES 0
#endif

byte free[NODES] = PAGES - FILE0;
byte file[NODES] = FILE0;
byte mc[NODES];
byte boost[NODES];
byte bstart[NODES];
byte fail[NODES];
byte phase[NODES];   /* 0 asleep, 1 awake, 2 running */
bool hog[NODES] = true;
hidden byte recl;
hidden byte bstd;
hidden byte bal;

#define OK(f, mark) ((f) > (mark))
#define BAL(n) OK(free[n], HIGH + boost[n])
#define HOPELESS(n) (fail[n] >= RETRIES)
#define WAKEABLE(n) (phase[n] == 0 && !HOPELESS(n) && !(BAL(n) && boost[n] == 0))
#define WAKE(n) if :: WAKEABLE(n) -> phase[n] = 1 :: else -> skip fi

#define NODE(n) \
  :: d_step { hog[n] && OK(free[n], LOW + boost[n]) -> free[n]-- } \
  :: d_step { hog[n] && OK(free[n], LOW + boost[n]) && boost[n] < MAXBOOST -> free[n]--; boost[n]++; WAKE(n) } \
  :: d_step { hog[n] -> hog[n] = false; free[n] = PAGES - file[n] - mc[n]; \
              if :: PCP_REVIVES && OK(free[n], HIGH) && HOPELESS(n) -> fail[n] = 0 :: else -> skip fi } \
  :: d_step { mc[n] < MEMCG_MAX && OK(free[n], LOW + boost[n]) -> free[n]--; mc[n]++ } \
  :: d_step { mc[n] < MEMCG_MAX && !OK(free[n], LOW + boost[n]) && OK(free[n], MIN + boost[n]) -> WAKE(n); free[n]--; mc[n]++ } \
  :: d_step { mc[n] < MEMCG_MAX && !OK(free[n], MIN + boost[n]) && file[n] > 0 -> WAKE(n); free[n]++; file[n]--; \
              if :: CLEARS(BAL(n)) -> fail[n] = 0 :: else -> skip fi } \
  :: d_step { mc[n] < MEMCG_MAX && !OK(free[n], MIN + boost[n]) && file[n] == 0 && WAKEABLE(n) -> phase[n] = 1 } \
  :: d_step { mc[n] > MEMCG_HIGH -> mc[n]--; free[n]++; if :: CLEARS(BAL(n)) -> fail[n] = 0 :: else -> skip fi } \
  :: d_step { phase[n] == 1 && !HOPELESS(n) -> phase[n] = 2; bstart[n] = boost[n] } \
  :: d_step { phase[n] == 2 -> \
              bstd = (bstart[n] > 0); \
              if :: !BAL(n) && file[n] > 0 -> recl = 1; free[n]++; file[n]-- :: else -> recl = 0 fi; \
              bal = BAL(n); \
              if :: recl && CLEARS(bal) -> fail[n] = 0 :: else -> skip fi; \
              if :: !bal && COUNTS(recl, bstd) -> fail[n]++ :: else -> skip fi; \
              boost[n] = boost[n] - (boost[n] < bstart[n] -> boost[n] : bstart[n]); \
              bstart[n] = 0; \
              if :: HOPELESS(n) || BAL(n) -> phase[n] = 0 :: else -> phase[n] = 1 fi; \
              recl = 0; bstd = 0; bal = 0 }

active proctype world()
{
  do
  NODE(0)
  NODE(1)
  od
}

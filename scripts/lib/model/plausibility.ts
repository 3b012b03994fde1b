// Thresholds of the plausibility warnings (data/catalogue/plausibility.yaml): when a figure is
// unusual enough that a reviewer should look at it. Data, not code: another programme or round
// sets its own.
export interface JumpRule {
  /** Ratio between consecutive periods beyond which a stock jumps (2 = doubling or halving). */
  max_factor?: number;
  /** Relative change allowed per year, scaled by the period's length (0.1 = 10 %/year, 5 % in a half-year). */
  max_change_per_year?: number;
  /** Both values below this: not judged. */
  min_value?: number;
}

export interface Plausibility {
  jump?: { kinds: string[]; default: JumpRule; indicators?: Record<string, JumpRule> };
  outlier?: { indicators: string[]; mads: number; min_siblings: number; min_difference?: number };
  constant_flow?: { min_value: number };
  revision?: { max_change: number; min_value?: number };
  finance?: { disbursed_without_plan?: boolean; plan_without_activity?: boolean };
}

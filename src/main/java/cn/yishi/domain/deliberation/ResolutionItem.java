package cn.yishi.domain.deliberation;

import java.time.LocalDate;

/** An item of a checked resolution list (决议清单): the responsible unit's code, the measure and the day it is due. */
public record ResolutionItem(String unit, String measure, LocalDate deadline) {}

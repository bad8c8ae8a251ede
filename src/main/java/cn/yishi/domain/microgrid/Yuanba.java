package cn.yishi.domain.microgrid;

/** A 院坝 (micro-grid) of a village or community: its code, the community it belongs to, its name and area. */
public record Yuanba(String code, String community, String name, String area) {}

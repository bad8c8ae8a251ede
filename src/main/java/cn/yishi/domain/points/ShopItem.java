package cn.yishi.domain.points;

/** An item of a community's points shop (积分超市): its price in points and the stock left. */
public record ShopItem(long id, String community, String name, int price, int stock, boolean active) {}

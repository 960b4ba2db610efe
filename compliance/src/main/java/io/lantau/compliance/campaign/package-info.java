/**
 * Incentive campaigns and the rule on incentives to retail clients (HK-05, VATP Guidelines 7.26(c) as the SFC's
 * conflicts-of-interest FAQ cites it): no gift tied to a virtual asset for retail clients, fee discounts excepted.
 * {@link io.lantau.compliance.campaign.CampaignService} refuses a campaign the profile does not allow before anything
 * is stored.
 */
package io.lantau.compliance.campaign;

/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// From the portal's home to the dashboard of the worked example
// (tests/test_treasury_forecast.py): today's treasury 620,00, the closing
// treasury of the six months (amounts in French: en_US is not installed).
registry.category("web_tour.tours").add("cae_treasury_forecast_tour", {
    steps: () => [
        {
            content: "Open my activity",
            trigger: "a[href='/my/activity']",
            run: "click",
        },
        {
            content: "Open the dashboard",
            trigger: "a[name='cae_dashboard']",
            run: "click",
        },
        {
            content: "Today's treasury, with its definition on hover",
            trigger: "strong[name='cae_treasury_today'][title*=' + ']:contains('620,00')",
        },
        {
            content: "The claim to reimburse this month",
            trigger: "tr[name='expenses'] td:nth-child(2).text-danger:contains('120,00')",
        },
        {
            content: "The open invoice next month",
            trigger: "tr[name='customers'] td:nth-child(3):contains('600,00')",
        },
        {
            content: "The contribution of this month's turnover, next month",
            trigger: "tr[name='contributions'] td:nth-child(3).text-danger:contains('150,00')",
        },
        {
            content: "The closing treasury of next month",
            trigger: "tr[name='closing'] td:nth-child(3):contains('950,00')",
        },
        {
            content: "The closing treasury in six months",
            trigger: "tr[name='closing'] td:nth-child(7):contains('700,00')",
        },
        {
            content: "The revenue view",
            trigger: "div[name='invoiced']:contains('600,00')",
        },
    ],
});

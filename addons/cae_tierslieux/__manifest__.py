# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "CAE - Third places",
    "summary": "Coworking spaces and fablabs of the cooperative and of its "
    "network: resources, bookings without double booking, prices, memberships "
    "and network passes, monthly billing between structures, trainings, "
    "events, occupancy, portal self-booking and calendar feeds",
    "version": "18.0.1.2.1",
    "category": "Cooperative",
    "author": "CAE suite contributors",
    "website": "https://github.com/cae-suite/cae-suite",
    "license": "AGPL-3",
    "depends": [
        "account",
        "cae_base",
        "event",
        "portal",
        # resource.calendar (opening hours) comes with cae_base's hr_expense.
    ],
    "external_dependencies": {"python": []},
    "data": [
        "security/cae_tl_security.xml",
        "security/ir.model.access.csv",
        "security/cae_tl_rules.xml",
        "data/ir_sequence_data.xml",
        "data/product_data.xml",
        "data/ir_cron_data.xml",
        "data/queue_job_data.xml",
        "views/cae_tl_network_views.xml",
        "views/cae_tl_place_views.xml",
        "views/cae_tl_resource_type_views.xml",
        "views/cae_tl_resource_views.xml",
        "views/cae_tl_booking_views.xml",
        "views/cae_tl_price_views.xml",
        "views/cae_tl_membership_plan_views.xml",
        "views/cae_tl_membership_views.xml",
        "views/cae_tl_training_views.xml",
        "views/cae_tl_billing_run_views.xml",
        "views/event_event_views.xml",
        "views/res_partner_views.xml",
        "report/cae_tl_occupancy_report_views.xml",
        "report/cae_tl_network_report_views.xml",
        "wizards/cae_tl_billing_wizard_views.xml",
        "views/portal_templates.xml",
        "views/cae_tl_menus.xml",
    ],
    "demo": [
        "demo/cae_tl_place_demo.xml",
        "demo/cae_tl_resource_demo.xml",
        "demo/cae_tl_price_demo.xml",
        "demo/cae_tl_membership_demo.xml",
        "demo/cae_tl_training_demo.xml",
        "demo/event_event_demo.xml",
        "demo/cae_tl_network_demo.xml",
        "demo/cae_tl_booking_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cae_tierslieux/static/src/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
    "development_status": "Beta",
    "maintainers": [],
}

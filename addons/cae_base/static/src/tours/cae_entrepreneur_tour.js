/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatDate} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";

const {DateTime} = luxon;
// Everything happens today, in the user's own date format (French).
const today = () => DateTime.now().startOf("day");

/**
 * An advisor's journey, in the French interface: a new candidate signs a
 * CAPE, then a CESA the same day (the CAPE ends that day); the advisor logs
 * a follow-up meeting, then looks for the entrepreneurs near their
 * associate deadline.
 */
registry.category("web_tour.tours").add("cae_entrepreneur_path_tour", {
    steps: () => [
        {
            content: "Create a new entrepreneur",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "Their name",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Martine Tourneur",
        },
        {
            content: "The name of their activity",
            trigger: ".o_field_widget[name='business_name'] input",
            run: "edit Atelier Tourneur",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The entrepreneur is a candidate",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current[data-value='candidate']:contains('Candidat')",
        },
        {
            content: "Sign a CAPE",
            trigger: "button[name='action_start_cape']",
            run: "click",
        },
        {
            content: "The CAPE is planned for 12 months (Code de commerce L127-2)",
            trigger: `.modal .o_field_widget[name='cape_date_end'] input:value(${formatDate(
                today().plus({months: 12}).minus({days: 1})
            )})`,
        },
        {
            content: "Confirm the CAPE from today",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The entrepreneur is under CAPE",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='cape']",
        },
        {
            content: "Sign a CESA, the same day",
            trigger: "button[name='action_start_cesa']",
            run: "click",
        },
        {
            content: "The CAPE, begun today, ends today: the CESA may start that day",
            trigger: `.modal .o_field_widget[name='cape_date_end'] input:value(${formatDate(
                today()
            )})`,
        },
        {
            content: "No earlier contract time: a trial period of 2 months is proposed",
            trigger: ".modal .o_field_widget[name='trial_period_months'] input:value(2)",
        },
        {
            content: "The law allows a trial of 8 months at most (L7332-1)",
            trigger: `.modal .o_field_widget[name='trial_period_latest_end']:contains(${formatDate(
                today().plus({months: 8}).minus({days: 1})
            )})`,
        },
        {
            content: "Confirm the CESA",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The entrepreneur is a salaried entrepreneur",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='cesa']",
        },
        {
            content: "The path shows the three stages",
            trigger: ".o_field_widget[name='path_step_ids'] .o_data_row:nth-child(3)",
        },
        {
            content: "The chatter tells it in French, with a French date",
            trigger: `.o-mail-Message-body:contains(CAPE → CESA le ${formatDate(today())})`,
        },
        {
            content: "Open the follow-up tab",
            trigger: ".o_notebook .nav-link[name='followup']",
            run: "click",
        },
        {
            content: "Log a follow-up meeting",
            trigger: ".o_field_widget[name='followup_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Its subject",
            trigger: ".o_field_widget[name='followup_ids'] .o_data_row .o_field_widget[name='subject'] input",
            run: "edit Point de démarrage du CESA",
        },
        {
            content: "Save the entrepreneur",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The meeting is recorded",
            trigger:
                ".o_form_saved .o_field_widget[name='followup_ids'] .o_data_row:contains(Point de démarrage du CESA)",
        },
        {
            content: "Back to the entrepreneurs",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Open the filters",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Entrepreneurs near their associate deadline",
            trigger: ".o_filter_menu .o-dropdown-item:contains(Échéance du sociétariat proche)",
            run: "click",
        },
        {
            content: "The entrepreneur near the deadline is listed",
            trigger: ".o_kanban_record:contains(Déborah Échéance)",
        },
        {
            content: "The new salaried entrepreneur is not: three years ahead",
            trigger:
                ".o_kanban_renderer:has(.o_kanban_record:contains(Déborah Échéance)):not(:has(.o_kanban_record:contains(Martine Tourneur)))",
        },
    ],
});

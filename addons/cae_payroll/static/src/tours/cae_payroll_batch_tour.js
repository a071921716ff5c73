/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// The accountant runs the month's batch (in French): generates the
// payslips, decides the one its activity cannot fund, confirms the ready
// ones and prints a payslip.
registry.category("web_tour.tours").add("cae_payroll_batch_tour", {
    steps: () => [
        {
            content: "Open the month's batch",
            trigger: ".o_data_row td:contains('Paie de mars 2026')",
            run: "click",
        },
        {
            content: "Generate the payslips (the button says so)",
            trigger:
                "button[name='action_cae_generate_payslips']:contains('Générer les bulletins')",
            run: "click",
        },
        {
            content: "One payslip waits for a funding decision",
            trigger: "button[name='action_cae_open_undecided']:contains('À décider')",
            run: "click",
        },
        {
            content: "The list of payslips waiting for a decision",
            trigger: ".o_breadcrumb:contains('Bulletins en attente de décision')",
        },
        {
            content: "Open the payslip of the activity without treasury",
            trigger:
                ".o_list_view .o_data_row:contains('Tour Sans Trésorerie') .o_data_cell[name='employee_id']",
            run: "click",
        },
        {
            content: "The payslip says what is missing",
            trigger: ".alert-warning:contains('ne peut pas financer ce bulletin')",
        },
        {
            content: "Open the tab of the payslip lines",
            trigger: ".o_notebook .nav-link:contains('Calcul de salaire')",
            run: "click",
        },
        {
            content: "Lines named in French",
            trigger:
                ".o_field_widget[name='dynamic_filtered_payslip_lines'] td:contains('Salaire brut')",
        },
        {
            content: "Open the funding decision",
            trigger: "button[name='action_cae_open_funding']",
            run: "click",
        },
        {
            content: "The dialog shows the amount its line shows",
            trigger: ".modal td[name='cae_missing_amount']",
            run() {
                const dialog = document.querySelector(".modal");
                const total = dialog
                    .querySelector("div[name='missing_amount']")
                    .textContent.trim();
                const line = dialog
                    .querySelector("td[name='cae_missing_amount']")
                    .textContent.trim();
                if (total !== line || total.startsWith("0,00")) {
                    throw new Error(`Missing ${total} while the line says ${line}`);
                }
            },
        },
        {
            content: "Accept a negative balance",
            trigger: ".modal .o_field_widget[name='decision'] input[data-value='accept']",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Encaissement client attendu le 10 avril, validé par la direction",
        },
        {
            content: "Apply",
            trigger: ".modal button[name='action_apply']",
            run: "click",
        },
        {
            content: "The negative balance is accepted",
            trigger:
                ".o_field_widget[name='cae_funding_state'] :contains('Solde négatif accepté')",
        },
        {
            content: "Back to the batch",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Paie de mars')",
            run: "click",
        },
        {
            content: "Confirm the ready payslips",
            trigger: "button[name='action_cae_confirm_payslips']",
            run: "click",
        },
        {
            content: "Yes, confirm and post them",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Both payslips are confirmed",
            trigger: ".o_notification:contains('2 bulletins confirmés')",
        },
    ],
});

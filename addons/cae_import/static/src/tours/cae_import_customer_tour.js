/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const HEADER = "Code activité;Référence tiers;Nom;Type de pièce;N° pièce;Date pièce;Reste dû";
// The invoice is dated after the date of the balances.
const BROKEN = `${HEADER}\nTOUR-ACT;TOUR-CLI;Client Tournée;Facture client;F-1;15/01/2026;150,25\n`;
const FIXED = `${HEADER}\nTOUR-ACT;TOUR-CLI;Client Tournée;Facture client;F-1;15/12/2025;150,25\n`;

function uploadCsv(content) {
    const input = document.querySelector(".modal div[name='data_file'] input[type='file']");
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], "clients.csv", {type: "text/csv"}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

// An accountant carries an open invoice of an activity over: the date of
// the balances and the suspense account, a broken file, the corrected one,
// then the receivables before and after.
registry.category("web_tour.tours").add("cae_import_customer_tour", {
    url: "/odoo/action-cae_base.cae_contribution_run_action",
    steps: () => [
        {
            content: "Open the menus that do not fit in the bar",
            trigger: ".o_main_navbar .o_menu_sections_more button",
            run: "click",
        },
        {
            content: "Open the import from the Cooperative menu",
            trigger: ".o-dropdown--menu [data-menu-xmlid='cae_import.cae_import_wizard_menu']",
            run: "click",
        },
        {
            content: "Choose the customers and open documents",
            trigger: ".modal div[name='kind'] select",
            run: 'select "customer"',
        },
        {
            content: "Give the date of the balances",
            trigger: ".modal div[name='opening_date'] input",
            run: "edit 31/12/2025",
        },
        {
            content: "Look for the suspense account",
            trigger: ".modal div[name='suspense_account_id'] input",
            run: "edit 471000",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('471000')",
            run: "click",
        },
        {
            content: "Pick the file with an invoice after the balances",
            trigger: ".modal div[name='data_file']",
            run: () => uploadCsv(BROKEN),
        },
        {
            content: "The file is loaded",
            trigger: ".modal div[name='data_file'] .o_clear_file_button",
        },
        {
            content: "Check the file",
            trigger: ".modal footer button[name='action_check']",
            run: "click",
        },
        {
            content: "The error of row 2, in French, on the date of the document",
            trigger:
                ".modal .o_cae_import_errors tr:has(td:contains('Date pièce')):contains('La pièce est datée après la date des soldes')",
        },
        {
            content: "Pick the corrected file",
            trigger: ".modal div[name='data_file']",
            run: () => uploadCsv(FIXED),
        },
        {
            content: "The corrected file is loaded",
            trigger: ".modal div[name='data_file'] .o_clear_file_button",
        },
        {
            content: "Check it again",
            trigger: ".modal footer button[name='action_check']",
            run: "click",
        },
        {
            content: "No error",
            trigger: ".modal .o_cae_import_title:contains('Aucune erreur')",
        },
        {
            content: "Import",
            trigger: ".modal footer button[name='action_import']:contains('Importer')",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal:has(.modal-body:contains('Importer le fichier ?')) .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The receivables before and after, to reconcile",
            trigger: ".modal .o_cae_import_figures tr:contains('Reste dû par les clients (importé)'):contains('150,25')",
        },
    ],
});

/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const HEADER =
    "Référence;Nom;Réunion d'information;Début CAPE;Fin CAPE;Début CESA;Période d'essai (mois)";
// The CESA starts while the CAPE goes on: an impossible history.
const BROKEN = `${HEADER}\nTOUR-1;Tina Tournée;05/01/2024;01/02/2024;31/12/2024;01/06/2024;\n`;
const FIXED = `${HEADER}\nTOUR-1;Tina Tournée;05/01/2024;01/02/2024;31/05/2024;01/06/2024;2\n`;

function uploadCsv(content) {
    // What the browser does when the user picks a file.
    const input = document.querySelector(".modal div[name='data_file'] input[type='file']");
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], "entrepreneurs.csv", {type: "text/csv"}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

// An accountant checks a file of entrepreneurs, reads the error of its row,
// corrects it, checks it again and imports it.
registry.category("web_tour.tours").add("cae_import_wizard_tour", {
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
            content: "The wizard offers the template",
            trigger: ".modal button[name='action_download_template']:contains('Modèle (XLSX)')",
        },
        {
            content: "Pick the file with an impossible history",
            trigger: ".modal div[name='data_file']",
            run: () => uploadCsv(BROKEN),
        },
        {
            content: "The file is loaded",
            trigger: ".modal div[name='data_file'] .o_clear_file_button",
        },
        {
            content: "Check the file",
            trigger: ".modal footer button[name='action_check']:contains('Vérifier le fichier')",
            run: "click",
        },
        {
            content: "The error of row 2 is shown, in French, on the CESA column",
            trigger:
                ".modal .o_cae_import_errors tr:has(td:contains('Début CESA')):contains('un CESA qui commence le dernier jour du CAPE ou plus tard')",
        },
        {
            content: "Nothing was imported",
            trigger: ".modal .o_cae_import_title:contains('rien n\\'a été importé')",
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
            content: "The report of the import",
            trigger: ".modal .o_cae_import_counts:contains('1 créé(s)')",
        },
    ],
});

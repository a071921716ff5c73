/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

function row(name) {
    return `.o_field_widget[name='attendance_ids'] .o_data_row:has(td[name='name']:contains('${name}'))`;
}

// Staff plan a new assembly in the French back office: its agenda (a
// resolution added before the first save), convene it, enter attendance and
// a proxy in the form, see the quorum and open the votes.
registry.category("web_tour.tours").add("cae_assembly_journey_convene_tour", {
    steps: () => [
        {
            content: "Nouvelle assemblée",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Son nom",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit AG du parcours",
        },
        {
            content: "Son type",
            trigger: ".o_field_widget[name='type_id'] input",
            run: "edit AG ordinaire du parcours",
        },
        {
            content: "Choisir le type",
            trigger: ".o-autocomplete--dropdown-item a:contains('AG ordinaire du parcours')",
            run: "click",
        },
        {
            content: "Sa date",
            trigger: ".o_field_widget[name='date'] input",
            run: "edit 15/06/2030 18:00",
        },
        {
            content: "Quitter le champ date",
            trigger: ".o_field_widget[name='place'] input",
            run: "edit Tiers-lieu de Bègles",
        },
        {
            content: "La fin de la réunion est proposée, sans les secondes",
            trigger: ".o_field_widget[name='date_end'] input:value('15/06/2030 21:00')",
        },
        {
            content: "Ajouter une résolution avant d'enregistrer",
            trigger:
                ".o_field_widget[name='resolution_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Son titre",
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Approbation des comptes 2029",
        },
        {
            content: "Enregistrer et fermer",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "La résolution est à l'ordre du jour",
            trigger:
                ".o_field_widget[name='resolution_ids'] .o_data_row td[name='name']:contains('Approbation des comptes 2029')",
        },
        {
            content: "Ajouter une résolution à bulletin secret",
            trigger:
                ".o_field_widget[name='resolution_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Son titre",
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Quitus à la gérance",
        },
        {
            content: "Au scrutin secret",
            trigger: ".modal .o_field_widget[name='secret'] input",
            run: "click",
        },
        {
            content: "Enregistrer et fermer",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "La résolution secrète est à l'ordre du jour",
            trigger:
                ".o_field_widget[name='resolution_ids'] .o_data_row:has(td[name='name']:contains('Quitus à la gérance')) td[name='secret'] input:checked",
        },
        {
            content: "Enregistrer l'assemblée",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Convoquer",
            trigger: ".o_form_saved button[name='action_convene']",
            run: "click",
        },
        {
            content: "Confirmer la convocation",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "L'assemblée est convoquée",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='convened']",
        },
        {
            content: "Le quorum n'est pas atteint",
            trigger: ".alert-warning:contains('quorum')",
        },
        {
            content: "La feuille de présence",
            trigger: ".o_notebook .nav-link[name='attendance']",
            run: "click",
        },
        {
            content: "Associé 01 : présent",
            trigger: `${row("Associé 01")} td[name='state']`,
            run: "click",
        },
        {
            content: "Présent",
            trigger: `${row("Associé 01")}.o_selected_row .o_field_widget[name='state'] select`,
            run: 'select "present"',
        },
        {
            content: "Associé 02 : présent",
            trigger: `${row("Associé 02")} td[name='state']`,
            run: "click",
        },
        {
            content: "Présent",
            trigger: `${row("Associé 02")}.o_selected_row .o_field_widget[name='state'] select`,
            run: 'select "present"',
        },
        {
            content: "Associé 03 donne son pouvoir",
            trigger: `${row("Associé 03")} td[name='proxy_holder_id']`,
            run: "click",
        },
        {
            content: "À Associé 01",
            trigger: `${row("Associé 03")}.o_selected_row .o_field_widget[name='proxy_holder_id'] input`,
            run: "edit Associé 01",
        },
        {
            content: "Choisir Associé 01",
            trigger: ".o-autocomplete--dropdown-item a:contains('Associé 01')",
            run: "click",
        },
        {
            content: "Associé 03 est représenté",
            trigger: `${row("Associé 03")} td[name='state']:contains('Représenté')`,
        },
        {
            content: "Le quorum est atteint (3 sur 8, 2 requis), avant même d'enregistrer",
            trigger: ".o_field_widget[name='quorum_reached'] input:checked",
        },
        {
            content: "Enregistrer",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Ouvrir les votes",
            trigger: ".o_form_saved button[name='action_open_votes']",
            run: "click",
        },
        {
            content: "Les votes sont ouverts",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='open']",
        },
    ],
});

// An associate votes on the portal (in French) and gets her receipt.
registry.category("web_tour.tours").add("cae_assembly_journey_vote_tour", {
    url: "/my/assemblies",
    steps: () => [
        {
            content: "Ouvrir l'assemblée dont les votes sont ouverts",
            trigger: "a.o_cae_assembly_link:contains('AG du parcours')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Voter pour les comptes",
            trigger:
                ".o_cae_resolution:has(.card-header:contains('Approbation des comptes 2029')) .o_cae_ballot input[type='radio'][value='for']",
            run: "click",
        },
        {
            content: "Le quitus est à bulletin secret",
            trigger:
                ".o_cae_resolution .card-header:contains('Quitus à la gérance'):contains('bulletin secret')",
        },
        {
            content: "Voter contre le quitus",
            trigger:
                ".o_cae_resolution:has(.card-header:contains('Quitus à la gérance')) .o_cae_ballot input[type='radio'][value='against']",
            run: "click",
        },
        {
            content: "Enregistrer mon vote",
            trigger: "button[name='cae_vote_submit']:contains('Enregistrer mon vote')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Le vote est enregistré, avec son reçu",
            trigger: ".o_cae_vote_success:contains('Gardez vos codes de reçu') .o_cae_receipt_code",
        },
        {
            content: "Deux reçus : un par résolution",
            trigger: ".o_cae_vote_success .o_cae_receipts li:nth-child(2) .o_cae_receipt_code",
        },
        {
            content: "Chaque résolution le dit",
            trigger:
                ".o_cae_resolution:has(.card-header:contains('Quitus à la gérance')) .o_cae_vote_recorded",
        },
        {
            content: "Aucun décompte du vote secret avant la clôture",
            trigger: ".o_cae_assembly:not(:has(.o_cae_result))",
        },
    ],
});

// Staff close the votes, see the result and print the minutes.
registry.category("web_tour.tours").add("cae_assembly_journey_close_tour", {
    steps: () => [
        {
            content: "Clore les votes",
            trigger: "button[name='action_close']:contains('Clore les votes')",
            run: "click",
        },
        {
            content: "Confirmer",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "L'assemblée est close",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
        {
            content: "La résolution est adoptée",
            trigger:
                ".o_field_widget[name='resolution_ids'] .o_data_row td[name='result']:contains('Adoptée')",
        },
        {
            content: "Le quitus est rejeté (une voix contre)",
            trigger:
                ".o_field_widget[name='resolution_ids'] .o_data_row:has(td[name='name']:contains('Quitus à la gérance')) td[name='result']:contains('Rejetée')",
        },
        {
            content: "Imprimer le procès-verbal",
            trigger: "button[name='action_print_minutes']",
            run: "click",
        },
        {
            content: "Aucune erreur : on reste sur l'assemblée",
            trigger: ".o_form_view:not(:has(.o_error_dialog))",
        },
    ],
});

// Staff print the register of associates from its wizard.
registry.category("web_tour.tours").add("cae_assembly_journey_register_tour", {
    steps: () => [
        {
            content: "Le registre à la date du jour",
            trigger: ".modal .o_field_widget[name='date'] input",
        },
        {
            content: "Imprimer le PDF",
            trigger: ".modal button[name='action_print_pdf']",
            run: "click",
        },
        {
            content: "Aucune erreur",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});

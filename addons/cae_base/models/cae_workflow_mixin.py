# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A document's workflow moves only through its workflow steps.

How to use
----------
Inherit ``cae.workflow.mixin`` (first in ``_inherit`` or after the model:
the guard does not depend on the order) and declare on the class:

- ``_cae_workflow_state_field``: the field holding the state (``state``;
  ``None`` for a model without states, whose workflow fields only are
  guarded);
  or override :meth:`_cae_workflow_state` when the state is read from
  several fields (an invoice waiting for validation is a draft).
- ``_cae_workflow_fields``: the other fields only a step sets (numbers,
  validation users and dates, journal entries...). The state field is
  added.
- ``_cae_workflow_open_states``: states in which any other field may be
  written (the draft).
- ``_cae_workflow_writable``: in every other state, the fields that may
  still be written, ``{state: fields}`` (key ``None``: every locked
  state). Anything else is refused: an allow-list, as OCA
  ``base_tier_validation`` keeps for documents under validation.
- ``_cae_workflow_steps``: the step methods. ``None`` (the default) means
  every public ``action_*`` and ``button_*`` method of the model, plus
  ``_cae_workflow_extra_steps`` (private steps, ``_cae_send_back``); a
  tuple names them all (on Odoo's models, whose actions are not all
  steps). An entry ``("other.model", "method")`` names a step of another
  model (a wizard); ``_cae_workflow_step_models`` adds all the steps of
  other models (a document's history written by the document's steps).
- ``_cae_workflow_parent_field``: for lines, the document they belong to.
  Lines are writable when and as their document allows
  (``_cae_workflow_writable`` of the line model, keyed by the document's
  state), and the document's steps write them.
- ``_cae_workflow_cooperative_only``: on Odoo's own models (invoices, sale
  orders), guard only the members of the cooperative's groups so that Odoo
  behaves as without the suite for everyone else.

How it works
------------
:meth:`_register_hook` puts the check at the top of the model's ``create``
and ``write`` (like OCA ``auditlog``), so that it sees the values the
caller gave, before any override adds its own (a sequence number). The
check refuses, for the guarded users, the workflow fields and, in a locked
state, any field outside the allow-list, unless one of the model's step
methods is on the call stack: it compares the code objects of the calling
frames with those of the steps. Neither a context key nor an argument can
fake that, so JSON-RPC (``write``, ``create`` with a state or with
``default_state`` in its context, ``web_save``, ``load``, ``copy``) cannot
either; a step checks who may run it before it writes.

Guarded users: everyone but the superuser (``sudo()``, used after an
explicit ownership check) and the cooperative's managers.
"""

import sys

from odoo import api, models
from odoo.exceptions import UserError

# Fields of mail, activities and portal that follow a document in any state.
ALWAYS_WRITABLE = frozenset(
    {
        "message_follower_ids",
        "message_partner_ids",
        "message_ids",
        "message_main_attachment_id",
        "website_message_ids",
        "activity_ids",
        "access_token",
        "rating_ids",
    }
)


class CaeWorkflowMixin(models.AbstractModel):
    _name = "cae.workflow.mixin"
    _description = "Workflow steps guard"

    _cae_workflow_state_field = "state"
    _cae_workflow_fields = frozenset()
    _cae_workflow_open_states = frozenset({"draft"})
    _cae_workflow_writable = {}
    _cae_workflow_steps = None
    _cae_workflow_step_prefixes = ("action_", "button_")
    _cae_workflow_extra_steps = ()
    _cae_workflow_step_models = ()
    _cae_workflow_parent_field = None
    _cae_workflow_cooperative_only = False
    # Values a workflow field may take at creation besides False and its
    # default, e.g. {"name": ("/",)}.
    _cae_workflow_initial_values = {}

    # ------------------------------------------------------------------
    # Installation of the guard
    # ------------------------------------------------------------------
    def _register_hook(self):
        res = super()._register_hook()
        cls = type(self)
        if not cls._abstract and not cls.__dict__.get("_cae_workflow_guarded"):
            cls._cae_workflow_guarded = True
            cls._cae_workflow_codes = None
            cls.create = _guarded_create(cls.create)
            cls.write = _guarded_write(cls.write)
            cls.unlink = _guarded_unlink(cls.unlink)
        return res

    def _unregister_hook(self):
        cls = type(self)
        if cls.__dict__.get("_cae_workflow_guarded"):
            for name in ("create", "write", "unlink"):
                setattr(cls, name, getattr(cls, name).origin)
            del cls._cae_workflow_guarded
        return super()._unregister_hook()

    # ------------------------------------------------------------------
    # Hooks for the models
    # ------------------------------------------------------------------
    def _cae_workflow_applies(self):
        """Whether the current user is guarded."""
        if self.env.su:
            return False
        user = self.env.user
        if user.has_group("cae_base.group_cae_manager"):
            return False
        if self._cae_workflow_cooperative_only:
            return user._cae_is_cooperative_member()
        return True

    def _cae_workflow_locks(self):
        """Whether locked states restrict the current (guarded) user."""
        if self._cae_workflow_parent_field:
            return self._cae_workflow_parent_model()._cae_workflow_locks()
        return True

    def _cae_workflow_parent_model(self):
        return self.env[self._fields[self._cae_workflow_parent_field].comodel_name]

    def _cae_workflow_guarded_fields(self):
        """Fields only steps set, for the current (guarded) user."""
        fields = set(self._cae_workflow_fields)
        if self._cae_workflow_state_field and not self._cae_workflow_parent_field:
            fields.add(self._cae_workflow_state_field)
        return fields & set(self._fields)

    def _cae_workflow_state(self):
        """The state of the record (its document's, for lines)."""
        self.ensure_one()
        parent_field = self._cae_workflow_parent_field
        if parent_field:
            parent = self[parent_field]
            return parent._cae_workflow_state() if parent else False
        if not self._cae_workflow_state_field:
            return False
        return self[self._cae_workflow_state_field]

    def _cae_workflow_is_open(self, state):
        if self._cae_workflow_parent_field:
            return self._cae_workflow_parent_model()._cae_workflow_is_open(state)
        return not state or state in self._cae_workflow_open_states

    def _cae_workflow_writable_fields(self, state):
        writable = self._cae_workflow_writable
        return (
            ALWAYS_WRITABLE
            | frozenset(writable.get(state, ()))
            | frozenset(writable.get(None, ()))
        )

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _cae_workflow_check_create(self, vals_list):
        guarded = self._cae_workflow_guarded_fields()
        defaults = {
            key[8:]: value
            for key, value in self.env.context.items()
            if key.startswith("default_") and key[8:] in guarded
        }
        forbidden = set()
        for vals in vals_list:
            for name in guarded:
                value = vals[name] if name in vals else defaults.get(name)
                if not self._cae_workflow_initial(name, value):
                    forbidden.add(name)
        parent_field = self._cae_workflow_parent_field
        locked = self.browse()
        if parent_field and self._cae_workflow_locks():
            parent_model = self._cae_workflow_parent_model()
            parent_ids = {vals.get(parent_field) for vals in vals_list} - {None, False}
            for parent in parent_model.browse(parent_ids).exists():
                state = parent._cae_workflow_state()
                if not parent._cae_workflow_is_open(state):
                    forbidden.add(parent_field)
                    locked = parent
                    break
        if forbidden and not self._cae_workflow_in_step():
            self.browse().check_access("create")
            raise self._cae_workflow_error(forbidden, locked)

    def _cae_workflow_initial(self, name, value):
        if not value:
            return True
        if value in self._cae_workflow_initial_values.get(name, ()):
            return True
        field = self._fields[name]
        default = field.default(self) if callable(field.default) else field.default
        return value == default

    def _cae_workflow_check_write(self, vals):
        names = set(vals) & set(self._fields)
        forbidden = {
            name
            for name in names & self._cae_workflow_guarded_fields()
            if self._cae_workflow_changes(name, vals[name])
        }
        locked = self.browse()
        if self._cae_workflow_locks():
            for record in self:
                state = record._cae_workflow_state()
                if record._cae_workflow_is_open(state):
                    continue
                extra = {
                    name
                    for name in names - record._cae_workflow_writable_fields(state)
                    if record._cae_workflow_changes(name, vals[name])
                }
                if extra:
                    forbidden |= extra
                    locked = record
                    break
        if forbidden and not self._cae_workflow_in_step():
            # Users without the right to write get the access error.
            self.check_access("write")
            raise self._cae_workflow_error(forbidden, locked)

    def _cae_workflow_check_unlink(self):
        if not self._cae_workflow_parent_field or not self._cae_workflow_locks():
            return
        for record in self:
            state = record._cae_workflow_state()
            if not record._cae_workflow_is_open(state):
                if not self._cae_workflow_in_step():
                    self.check_access("unlink")
                    raise self._cae_workflow_error(set(), record)
                return

    def _cae_workflow_changes(self, name, value):
        """Whether writing ``value`` changes ``name`` on some record (an
        import may repeat the current values)."""
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            return True
        try:
            new = field.convert_to_cache(value, self, validate=False)
            return any(
                field.convert_to_cache(record[name], record, validate=False) != new
                for record in self
            )
        except (TypeError, ValueError):
            return True

    def _cae_workflow_in_step(self):
        """Whether a step method of the model is on the call stack."""
        codes = self._cae_workflow_step_codes()
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code in codes:
                return True
            frame = frame.f_back
        return False

    def _cae_workflow_step_codes(self):
        cls = type(self)
        codes = cls.__dict__.get("_cae_workflow_codes")
        if codes is None:
            cls._cae_workflow_codes = frozenset()  # models naming each other
            codes = frozenset(self._cae_workflow_collect_codes())
            cls._cae_workflow_codes = codes
        return codes

    def _cae_workflow_collect_codes(self):
        steps = self._cae_workflow_steps
        if steps is None:
            steps = [
                *_action_names(type(self), self._cae_workflow_step_prefixes),
                *self._cae_workflow_extra_steps,
            ]
        codes = set()
        for step in steps:
            model, name = step if isinstance(step, tuple) else (self._name, step)
            if model in self.env:
                codes |= _method_codes(type(self.env[model]), name)
        models = list(self._cae_workflow_step_models)
        if self._cae_workflow_parent_field:
            models.append(self._cae_workflow_parent_model()._name)
        for model in models:
            if model not in self.env:
                continue
            other = self.env[model]
            if isinstance(other, CaeWorkflowMixin):
                codes |= other._cae_workflow_step_codes()
            else:
                for name in _action_names(type(other), ("action_", "button_")):
                    codes |= _method_codes(type(other), name)
        return codes

    def _cae_workflow_error(self, names, record):
        if record and self._cae_workflow_parent_field:
            # A line of a locked document: the document's message.
            document = record
            if record._name == self._name:
                document = record[self._cae_workflow_parent_field]
            return document._cae_workflow_error(set(), document)
        labels = sorted(
            self._fields[name]._description_string(self.env)
            for name in names
            if name in self._fields
        )
        if record:
            message = self.env._(
                "%(document)s cannot be changed in its current state "
                "(%(fields)s): use the buttons of its workflow.",
                document=record.display_name,
                fields=", ".join(labels) or self._description,
            )
        else:
            message = self.env._(
                "%(fields)s of %(model)s change only through the buttons of "
                "their workflow.",
                fields=", ".join(labels),
                model=self._description,
            )
        error = UserError(message)
        error.cae_workflow = True
        return error


def _action_names(cls, prefixes):
    """Public methods of a model class whose names start with ``prefixes``."""
    return [
        name
        for name in dir(cls)
        if name.startswith(prefixes) and callable(getattr(cls, name, None))
    ]


def _method_codes(cls, name):
    """Code objects of every override of method ``name`` in ``cls``."""
    codes = set()
    for klass in cls.__mro__:
        function = klass.__dict__.get(name)
        if function is None or hasattr(function, "origin"):
            continue  # not defined here, or this guard's own wrapper
        # The body of the method, below its decorators (whose wrappers share
        # one code object for every method they decorate).
        while hasattr(function, "__wrapped__"):
            function = function.__wrapped__
        code = getattr(function, "__code__", None)
        if code is not None:
            codes.add(code)
    return codes


def _guarded_create(origin):
    @api.model_create_multi
    def create(self, vals_list):
        if self._cae_workflow_applies():
            self._cae_workflow_check_create(vals_list)
        return origin(self, vals_list)

    create.origin = origin
    return create


def _guarded_write(origin):
    def write(self, vals):
        if vals and self and self._cae_workflow_applies():
            self._cae_workflow_check_write(vals)
        return origin(self, vals)

    write.origin = origin
    return write


def _guarded_unlink(origin):
    def unlink(self):
        if self and self._cae_workflow_applies():
            self._cae_workflow_check_unlink()
        return origin(self)

    unlink.origin = origin
    return unlink

"""Errors shown to clerks: a Chinese sentence, details behind a button, never a traceback dialog."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def user_message(error: BaseException) -> str:
    from app.auth import AuthError, PermissionDenied
    from app.errors import UserError
    from app.store.errors import StoreError

    if isinstance(error, UserError | StoreError | AuthError | PermissionDenied):
        return str(error)
    return "操作没有完成，已保存的内容不受影响。请重试；如果仍然失败，请联系信息技术人员并提供日志。"


def show_error(parent: QWidget | None, error: BaseException, title: str = "操作未完成") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, user_message(error), QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(f"错误类型：{type(error).__name__}\n详细记录已写入数据文件夹 logs 目录下的日志文件。")
    box.setObjectName("errorBox")
    box.open()

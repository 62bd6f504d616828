import { useEarshot } from '../StoreContext';

/** The last thing the user should know about (a file that could not be imported, a full disk), until dismissed. */
export function NoticeBar() {
  const notice = useEarshot((s) => s.notice);
  const task = useEarshot((s) => s.task);
  const dismiss = useEarshot((s) => s.actions.dismissNotice);
  return (
    <>
      {task && (
        <div className="task-bar" role="status">
          <span>{task.label}</span>
          <progress max={1} value={task.fraction} aria-label={task.label} />
        </div>
      )}
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} key={notice.serial}>
          <p>{notice.message}</p>
          <button type="button" className="btn btn-small" onClick={dismiss} aria-label="Dismiss message">
            OK
          </button>
        </div>
      )}
    </>
  );
}
